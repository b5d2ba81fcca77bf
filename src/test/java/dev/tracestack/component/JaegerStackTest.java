package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.component.elasticsearch.Elasticsearch;
import dev.tracestack.component.jaeger.Jaeger;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which environments get Jaeger and its storage, and how the Jaeger workloads are shaped (real stack files). */
class JaegerStackTest {

    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String SERVICE = "kubernetes:core/v1:Service";

    @Test
    void devHasNoJaegerNoElasticsearchAndNoOAuthProxy() {
        Plan dev = StackHarness.synth("dev");

        assertThat(dev.ofType(Jaeger.TYPE)).isEmpty();
        assertThat(dev.ofType(Elasticsearch.TYPE)).isEmpty();
        assertThat(dev.resources()).noneMatch(r -> r.type().startsWith("kubernetes:elasticsearch.k8s.elastic.co")
                || r.name().contains("oauth2-proxy") || r.name().startsWith("jaeger"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void stageAndProdHaveJaegerElasticsearchAndTheOAuthProxy(String stack) {
        Plan plan = StackHarness.synth(stack);

        assertThat(plan.ofType(Jaeger.TYPE)).hasSize(1);
        assertThat(plan.ofType(Elasticsearch.TYPE)).hasSize(1);
        assertThat(plan.get(DEPLOYMENT, "jaeger-collector-workload").parent()).isEqualTo("jaeger");
        assertThat(plan.get(DEPLOYMENT, "jaeger-query-workload").parent()).isEqualTo("jaeger");
        assertThat(plan.get(DEPLOYMENT, "jaeger-oauth2-proxy-workload").parent()).isEqualTo("jaeger");
        assertThat(plan.get("kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch", "elasticsearch-cluster")
                .parent()).isEqualTo("elasticsearch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void bothJaegerRolesStartOnlyAfterTheJobThatCreatesTheirIndicesAndWriteAliases(String stack) {
        Plan plan = StackHarness.synth(stack);
        String indexInit = plan.ofType("kubernetes:batch/v1:Job").get(0).name();

        assertThat(plan.get(DEPLOYMENT, "jaeger-collector-workload").dependsOn()).contains(indexInit);
        assertThat(plan.get(DEPLOYMENT, "jaeger-query-workload").dependsOn()).contains(indexInit);
    }

    @Test
    void theCollectorServiceIsTheContractNameWithOtlpGrpcOn4317() {
        PlannedResource service = StackHarness.synth("stage").get(SERVICE, "jaeger-collector-service");

        assertThat(service.input("metadata.name").asText()).isEqualTo(WellKnownNames.JAEGER_COLLECTOR_SERVICE);
        assertThat(ports(service.input("spec.ports"), "port")).contains(Ports.OTLP_GRPC, Ports.OTLP_HTTP,
                Ports.JAEGER_REMOTE_SAMPLING, Ports.HEALTH_CHECK, Ports.COLLECTOR_METRICS);
        assertThat(service.input("spec.ports").get(0).path("name").asText()).isEqualTo("otlp-grpc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyServicePortTargetsANamedPortItsPodsListenOn(String stack) {
        Plan plan = StackHarness.synth(stack);
        for (String name : new String[] {"jaeger-collector", "jaeger-query", "jaeger-oauth2-proxy"}) {
            JsonNode container = plan.get(DEPLOYMENT, name + "-workload").input("spec.template.spec.containers").get(0);
            List<String> listening = new ArrayList<>();
            container.path("ports").forEach(p -> listening.add(p.path("name").asText()));
            List<String> targeted = new ArrayList<>();
            plan.get(SERVICE, name + "-service").input("spec.ports").forEach(p -> targeted.add(p.path("targetPort").asText()));
            assertThat(listening).as(name).containsAll(targeted);
        }
    }

    @Test
    void theQueryServiceExposesUiGrpcHealthAndMetrics() {
        PlannedResource service = StackHarness.synth("prod").get(SERVICE, "jaeger-query-service");

        assertThat(ports(service.input("spec.ports"), "port")).containsExactly(Ports.JAEGER_UI,
                Ports.JAEGER_QUERY_GRPC, Ports.HEALTH_CHECK, Ports.COLLECTOR_METRICS);
    }

    @Test
    void jaegerPodsRunNonRootWithPinnedImagesProbesAndTheConfigHash() {
        Plan plan = StackHarness.synth("prod");
        PlannedResource collector = plan.get(DEPLOYMENT, "jaeger-collector-workload");
        JsonNode pod = collector.input("spec.template.spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("image").asText()).isEqualTo("jaegertracing/jaeger:2.13.0");
        assertThat(container.path("readinessProbe").path("httpGet").path("port").asInt()).isEqualTo(13133);
        assertThat(container.path("resources").path("limits").path("memory").asText()).isEqualTo("2048Mi");
        String hash = collector.input("spec.template.metadata.annotations").path("tracestack.dev/config-hash").asText();
        assertThat(plan.get("kubernetes:core/v1:ConfigMap", "jaeger-collector-config").input("metadata.name").asText())
                .isEqualTo("jaeger-collector-" + hash);
    }

    @Test
    void theCollectorScalesBetweenItsConfiguredReplicasAndBothRolesHaveAPdb() {
        Plan plan = StackHarness.synth("prod");
        JsonNode hpa = plan.get("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "jaeger-collector-autoscaler").input("spec");

        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(10);
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(WellKnownNames.JAEGER_COLLECTOR_SERVICE);
        assertThat(plan.get(DEPLOYMENT, "jaeger-collector-workload").input("spec").has("replicas"))
                .as("the HPA owns the collector's replica count").isFalse();
        assertThat(plan.get(DEPLOYMENT, "jaeger-query-workload").input("spec.replicas").asInt()).isEqualTo(2);
        assertThat(plan.within("jaeger").ofType("kubernetes:policy/v1:PodDisruptionBudget")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("jaeger-collector-disruption-budget", "jaeger-query-disruption-budget",
                        "jaeger-oauth2-proxy-disruption-budget");
    }

    @Test
    void theStrategiesLetTheCollectorApplyTheRatesAndServeOnlyTheHeadSettingsAsTheyAre() throws Exception {
        // stage's services have tail rates (batch-service 1%): their SDKs start every trace, the sampler decides.
        JsonNode stage = Artifacts.JSON.readTree(StackHarness.synth("stage").rendered()
                .file(JaegerArtifacts.STRATEGIES));
        // prod's have head settings: a rate limit for the indexer, the gateway's health checks never started.
        JsonNode prod = Artifacts.JSON.readTree(StackHarness.synth("prod").rendered()
                .file(JaegerArtifacts.STRATEGIES));

        assertThat(stage.path("default_strategy").path("param").asDouble()).isEqualTo(1.0);
        assertThat(stage.path("service_strategies").findValuesAsText("service"))
                .containsExactly("batch-service", "critical-service");
        assertThat(stage.path("service_strategies").findValuesAsText("param")).containsExactly("1.0", "1.0");
        assertThat(prod.path("service_strategies").findValuesAsText("service"))
                .containsExactly("api-gateway", "search-indexer");
        assertThat(prod.path("service_strategies").get(0).path("operation_strategies").get(0).path("param").asDouble())
                .isZero();
        assertThat(prod.path("service_strategies").get(1).path("type").asText()).isEqualTo("ratelimiting");
        assertThat(StackHarness.synth("dev").rendered().files()).doesNotContainKey(ElasticsearchArtifacts.ILM_POLICY_FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyJaegerAndElasticsearchPodIsNonRootPinnedAndLimited(String stack) {
        Plan plan = StackHarness.synth(stack);
        List<JsonNode> pods = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            if (!"jaeger".equals(r.parent()) && !"elasticsearch".equals(r.parent())) {
                continue;
            }
            switch (r.type()) {
                case DEPLOYMENT, "kubernetes:batch/v1:Job" -> pods.add(r.input("spec.template.spec"));
                case "kubernetes:batch/v1:CronJob" -> pods.add(r.input("spec.jobTemplate.spec.template.spec"));
                default -> { }
            }
        }

        assertThat(pods).as("collector, query, oauth2-proxy, ILM init Job, dependencies CronJob").hasSize(5);
        for (JsonNode pod : pods) {
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).isPositive();
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode container : containers) {
                String image = container.path("image").asText();
                assertThat(image).as("pinned image").matches(".+:[^:]+").doesNotEndWith(":latest");
                assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
                assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true))
                        .isFalse();
            }
        }
    }

    static List<Integer> ports(JsonNode ports, String field) {
        List<Integer> out = new ArrayList<>();
        ports.forEach(p -> out.add(p.path(field).asInt()));
        return out;
    }

    static String envValue(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name + " in " + env);
    }
}
