package dev.tracestack.component.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack's resource graph: containers, pinned images, loopback ports, the volume and the network. */
class LocalStackGraphTest {

    static final String CONTAINER = "docker:index/container:Container";
    static final String IMAGE = "docker:index/remoteImage:RemoteImage";
    private final Plan plan = StackHarness.synth("local");

    private PlannedResource container(String role) {
        return plan.get(CONTAINER, "local-" + role);
    }

    @Test
    void localRunsElasticsearchItsTwoInitStepsJaegerAndTheCollectorOnTheDockerProvider() {
        assertThat(plan.ofType(CONTAINER)).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                "local-elasticsearch", "local-ilm-policy", "local-rollover-init", "local-jaeger", "local-collector");
        assertThat(plan.ofType(CONTAINER)).allSatisfy(c -> {
            assertThat(c.parent()).isEqualTo("local");
            assertThat(c.provider()).isEqualTo("docker");
        });
        assertThat(plan.get("pulumi:providers:docker", "docker").input("host").asText())
                .isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void noKubernetesOrGoogleCloudResourceExistsWithoutGoogleCloudExport() {
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .noneMatch(type -> type.startsWith("kubernetes:") || type.startsWith("gcp:")
                        || type.equals("pulumi:providers:kubernetes") || type.equals("pulumi:providers:gcp"));
    }

    @Test
    void cloudStacksHaveNoDockerResources() {
        assertThat(StackHarness.synth("dev").resources()).extracting(PlannedResource::type)
                .noneMatch(type -> type.startsWith("docker:") || type.equals("pulumi:providers:docker"));
    }

    @Test
    void everyImageIsPinnedAndEveryContainerRunsOne() {
        List<String> images = plan.ofType(IMAGE).stream().map(i -> i.input("name").asText()).toList();
        assertThat(images).containsExactlyInAnyOrder(
                "docker.elastic.co/elasticsearch/elasticsearch:8.19.3",
                "jaegertracing/jaeger:2.13.0",
                "jaegertracing/jaeger-es-rollover:1.76.0",
                "otel/opentelemetry-collector-contrib:0.158.0");
        assertThat(plan.ofType(IMAGE)).allSatisfy(i -> assertThat(i.input("keepLocally").asBoolean()).isTrue());
        assertThat(plan.ofType(CONTAINER)).allSatisfy(c -> assertThat(images).contains(c.input("image").asText()));
    }

    @Test
    void everyPortIsPublishedOnLoopbackAtSeed000Numbers() {
        Map<String, Map<Integer, Integer>> published = Map.of(
                "jaeger", Map.of(10004, 16686),
                "elasticsearch", Map.of(9201, 9200),
                "collector", Map.of(4317, 4317, 4318, 4318, 9411, 9411, 14250, 14250, 14268, 14268,
                        13133, 13133, 55679, 55679, 8888, 8888));
        published.forEach((role, ports) -> {
            JsonNode list = container(role).input("ports");
            assertThat(list).as(role).hasSize(ports.size());
            list.forEach(port -> {
                assertThat(port.path("ip").asText()).as(role).isEqualTo("127.0.0.1");
                assertThat(ports).as(role).containsEntry(port.path("external").asInt(), port.path("internal").asInt());
            });
        });
        assertThat(container("ilm-policy").input("ports").isMissingNode()).isTrue();
    }

    @Test
    void aConfiguredBindAddressIsUsedForEveryPort() {
        Plan open = StackHarness.synth("local", Map.of("tracestack:local", "{\"bindAddress\":\"0.0.0.0\"}"));

        List<String> ips = new ArrayList<>();
        open.ofType(CONTAINER).forEach(c -> c.input("ports").forEach(p -> ips.add(p.path("ip").asText())));
        assertThat(ips).hasSize(10).containsOnly("0.0.0.0");
        assertThat(open.outputs()).containsEntry("jaegerUiUrl", "http://127.0.0.1:10004");
    }

    @Test
    void elasticsearchKeepsItsDataOnANamedVolume() {
        String volume = plan.get("docker:index/volume:Volume", "local-elasticsearch-data").input("name").asText();
        JsonNode mount = container("elasticsearch").input("volumes").get(0);

        assertThat(volume).isEqualTo("tracestack-local-elasticsearch-data");
        assertThat(mount.path("volumeName").asText()).isEqualTo(volume);
        assertThat(mount.path("containerPath").asText()).isEqualTo("/usr/share/elasticsearch/data");
    }

    @Test
    void everyContainerIsOnThePrivateNetworkUnderTheNameTheConfigsUse() {
        String network = plan.get("docker:index/network:Network", "local-network").input("name").asText();
        Map<String, String> aliases = Map.of("elasticsearch", "elasticsearch", "jaeger", "jaeger",
                "collector", "otel-collector");

        assertThat(network).isEqualTo("tracestack-local");
        assertThat(plan.ofType(CONTAINER)).allSatisfy(c ->
                assertThat(c.input("networksAdvanced").get(0).path("name").asText()).isEqualTo(network));
        aliases.forEach((role, alias) -> assertThat(container(role).input("networksAdvanced").get(0)
                .path("aliases").get(0).asText()).isEqualTo(alias));
    }

    @Test
    void containersStartInDependencyOrderAfterElasticsearchIsHealthy() {
        assertThat(container("elasticsearch").input("wait").asBoolean()).isTrue();
        assertThat(container("elasticsearch").input("healthcheck.tests").toString()).contains("_cluster/health");
        assertThat(container("ilm-policy").dependsOn()).contains("local-elasticsearch");
        assertThat(container("rollover-init").dependsOn()).contains("local-ilm-policy");
        assertThat(container("jaeger").dependsOn()).contains("local-rollover-init");
        assertThat(container("collector").dependsOn()).contains("local-jaeger");
    }

    @Test
    void initStepsRunOnceAndServicesRestartWithLimits() {
        for (String step : List.of("ilm-policy", "rollover-init")) {
            assertThat(container(step).input("attach").asBoolean()).as(step).isTrue();
            assertThat(container(step).input("mustRun").asBoolean()).as(step).isFalse();
            assertThat(container(step).input("restart").asText()).as(step).isEqualTo("no");
        }
        Map<String, Integer> memoryMiB = Map.of("elasticsearch", 1536, "jaeger", 512, "collector", 512);
        memoryMiB.forEach((role, mib) -> {
            assertThat(container(role).input("restart").asText()).as(role).isEqualTo("unless-stopped");
            assertThat(container(role).input("memory").asInt()).as(role).isEqualTo(mib);
        });
        assertThat(container("collector").input("envs").get(0).asText())
                .as("Go's GC works before the memory_limiter refuses").isEqualTo("GOMEMLIMIT=409MiB");
    }

    @Test
    void theOutputsAreTheUrlsADeveloperNeeds() {
        assertThat(plan.outputs()).contains(
                Map.entry("jaegerUiUrl", "http://127.0.0.1:10004"),
                Map.entry("otlpGrpcEndpoint", "http://127.0.0.1:4317"),
                Map.entry("otlpHttpTracesUrl", "http://127.0.0.1:4318/v1/traces"),
                Map.entry("elasticsearchUrl", "http://127.0.0.1:9201"),
                Map.entry("collectorHealthUrl", "http://127.0.0.1:13133"),
                Map.entry("platform", "docker"));
    }
}
