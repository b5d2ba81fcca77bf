package dev.tracestack.component.local;

import static dev.tracestack.component.local.LocalStackGraphTest.CONTAINER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorConfig;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.IlmPolicyRenderer;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.plan.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local containers mount what the shared renderers produce, and those renderers give the local stack
 * the same pipeline, PII rules and ILM policy as a cluster with the same settings: only addresses differ.
 */
class LocalRendererSharingTest {

    private final Plan plan = StackHarness.synth("local");
    private final StackConfig config = plan.config();

    /** The local stack's settings on the kubernetes platform: what the cluster path would render. */
    private static StackConfig sameSettingsOnKubernetes() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("tracestack:platform", "kubernetes");
        overrides.put("tracestack:local", null);
        overrides.put("gcp:project", "dta-cloud-de-dev");
        return StackConfigParser.parse(StackHarness.withOverrides("local", overrides));
    }

    private String upload(String role, String file) {
        for (JsonNode upload : plan.get(CONTAINER, "local-" + role).input("uploads")) {
            if (upload.path("file").asText().equals(file)) {
                return upload.path("content").asText();
            }
        }
        throw new AssertionError("local-" + role + " uploads no " + file);
    }

    @Test
    void theCollectorMountsExactlyWhatTheCollectorRendererProduces() {
        CollectorTier gateway = CollectorTier.of(config).get(0);
        String rendered = Artifacts.yaml(CollectorConfigRenderer.config(config, gateway));

        assertThat(upload("collector", "/etc/otelcol-contrib/config.yaml"))
                .isEqualTo(rendered)
                .isEqualTo(RenderedStack.render(config).file("collector/gateway.yaml"));
    }

    @Test
    void jaegerMountsExactlyWhatTheJaegerRenderersProduce() {
        RenderedStack rendered = RenderedStack.render(config);

        assertThat(upload("jaeger", "/etc/jaeger/config.yaml"))
                .isEqualTo(Artifacts.yaml(JaegerConfigRenderer.allInOne(config)));
        assertThat(upload("jaeger", "/etc/jaeger/sampling-strategies.json"))
                .isEqualTo(rendered.file("jaeger/sampling-strategies.json"));
        assertThat(upload("jaeger", "/etc/jaeger/ui-config.json")).isEqualTo(rendered.file("jaeger/ui-config.json"));
    }

    @Test
    void theInitAppliesTheIlmPolicyTheClusterPathRendersForTheSameSettings() {
        String clusterPolicy = RenderedStack.render(sameSettingsOnKubernetes()).file(ElasticsearchArtifacts.ILM_POLICY_FILE);

        assertThat(upload("ilm-policy", "/init/ilm-policy.json"))
                .isEqualTo(Artifacts.json(IlmPolicyRenderer.policy(config)))
                .isEqualTo(clusterPolicy);
    }

    @Test
    void theInitRunsTheClusterJobsScriptAgainstTheLocalNode() {
        PlannedResource init = plan.get(CONTAINER, "local-ilm-policy");

        assertThat(upload("ilm-policy", "/init/init.sh"))
                .isEqualTo(RenderedStack.render(sameSettingsOnKubernetes()).file(ElasticsearchArtifacts.INIT_SCRIPT_FILE));
        assertThat(init.input("entrypoints").toString()).isEqualTo("[\"/bin/sh\",\"/init/init.sh\"]");
        assertThat(strings(init.input("envs"))).containsExactly(
                "ES_URL=http://elasticsearch:9200", "ILM_POLICY=" + JaegerIndices.ILM_POLICY_NAME);
    }

    @Test
    void theRolloverInitRunsWithTheSettingsOfTheClusterJob() {
        PlannedResource rollover = plan.get(CONTAINER, "local-rollover-init");
        List<String> expected = new ArrayList<>();
        JaegerIndices.rolloverSettings(config).forEach((name, value) -> expected.add(name + "=" + value));

        assertThat(strings(rollover.input("command"))).containsExactly("init", "http://elasticsearch:9200");
        assertThat(strings(rollover.input("envs"))).isEqualTo(expected)
                .contains("INDEX_PREFIX=dev", "ES_USE_ILM=true", "REPLICAS=0");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    @Test
    void onlyAddressesDifferFromTheClusterPathForTheSameSettings() {
        StackConfig cluster = sameSettingsOnKubernetes();
        // With a hash key, as the cluster's gateway always has one (from its Secret).
        StackConfig keyed = StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("local"),
                Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, "local-workstation-key-of-32-bytes")));
        CollectorConfig local = CollectorConfigRenderer.config(keyed, CollectorTier.of(keyed).get(0));
        CollectorConfig remote = CollectorConfigRenderer.config(cluster, CollectorTier.of(cluster).get(0));

        // The cluster's collectors also push their own metrics into a loopback receiver, for Cloud Monitoring.
        Map<String, Object> applicationFacing = new java.util.LinkedHashMap<>(remote.receivers());
        applicationFacing.remove("otlp/self");
        assertThat(local.receivers()).isEqualTo(applicationFacing);
        for (String processor : List.of("attributes/pii", "redaction/hash", "redaction/values")) {
            assertThat(local.processors().get(processor)).as(processor).isNotNull()
                    .isEqualTo(remote.processors().get(processor));
        }
        assertThat(local.processors().get("filter/noise")).isEqualTo(remote.processors().get("filter/noise"));
        assertThat(local.service().pipelines().get("traces").processors())
                .isEqualTo(remote.service().pipelines().get("traces").processors());
        // The queue's share of the memory follows the number of queues: the cluster's tier also queues for Google.
        assertThat(Artifacts.yaml(local.exporters().get("otlp_grpc/jaeger")).replaceAll("queue_size: \\d+", "queue_size: n"))
                .contains("endpoint: jaeger:4317")
                .isEqualTo(Artifacts.yaml(remote.exporters().get("otlp_grpc/jaeger"))
                        .replace("jaeger-collector.observability.svc.cluster.local:4317", "jaeger:4317")
                        .replaceAll("queue_size: \\d+", "queue_size: n"));
    }

    @Test
    void withoutGoogleCloudTheCollectorHasNoGoogleExporterButKeepsItsPrometheusEndpoint() {
        CollectorConfig local = CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));

        assertThat(local.exporters()).containsOnlyKeys("otlp_grpc/jaeger");
        assertThat(local.service().pipelines()).containsOnlyKeys("traces");
        assertThat(Artifacts.yaml(local.service().telemetry())).contains("port: 8888").doesNotContain("periodic");
        assertThat(Artifacts.yaml(local.extensions().get("zpages"))).contains("0.0.0.0:55679");
    }
}
