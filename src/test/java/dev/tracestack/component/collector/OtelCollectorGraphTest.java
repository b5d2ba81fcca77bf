package dev.tracestack.component.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Names;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The collector's Kubernetes resources per environment, from the synthesized graph. */
class OtelCollectorGraphTest {

    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

    /** The collector's part of a plan: other parts (Jaeger, Elasticsearch) have Deployments and Services too. */
    static List<PlannedResource> workloads(Plan plan) {
        return Stream.concat(plan.ofType(DEPLOYMENT).stream(), plan.ofType(STATEFUL_SET).stream()).toList();
    }

    private static List<String> names(List<PlannedResource> resources) {
        return resources.stream().map(PlannedResource::name).sorted().toList();
    }

    @Test
    void devAndStageRunGatewayAndSamplerDeploymentsWithTheirOwnObjects() {
        for (String stack : List.of("dev", "stage")) {
            Plan plan = StackHarness.synth(stack).within("otel-collector");
            assertThat(names(plan.ofType(DEPLOYMENT))).as(stack)
                    .containsExactly("otel-collector-gateway-workload", "otel-collector-sampler-workload");
            assertThat(plan.ofType(STATEFUL_SET)).as(stack).isEmpty();
            assertThat(names(plan.ofType(SERVICE))).as(stack).containsExactly(
                    "otel-collector-gateway-headless", "otel-collector-gateway-service", "otel-collector-sampler-headless");
            assertThat(plan.count(CONFIG_MAP)).isEqualTo(2);
            assertThat(plan.count(HPA)).isEqualTo(2);
            assertThat(plan.count(PDB)).isEqualTo(2);
            assertThat(plan.count(NETWORK_POLICY)).as("two tiers and the namespace's default deny").isEqualTo(3);
            assertThat(plan.count(SERVICE_ACCOUNT)).isEqualTo(1);
        }
    }

    @Test
    void prodRunsOneGatewayStatefulSetWhoseQueueLivesOnAVolume() {
        Plan plan = StackHarness.synth("prod").within("otel-collector");
        assertThat(plan.ofType(DEPLOYMENT)).isEmpty();
        PlannedResource gateway = plan.get(STATEFUL_SET, "otel-collector-gateway-workload");
        assertThat(gateway.input("spec.serviceName").asText()).isEqualTo("otel-collector-gateway");
        JsonNode claim = gateway.input("spec.volumeClaimTemplates").get(0);
        assertThat(claim.at("/metadata/name").asText()).isEqualTo("queue");
        assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
        assertThat(gateway.input("spec.template.spec.containers").get(0).at("/volumeMounts/1/mountPath").asText())
                .isEqualTo("/var/lib/otelcol/file_storage");
        assertThat(plan.get(HPA, "otel-collector-gateway-autoscaler").input("spec.scaleTargetRef.kind").asText())
                .isEqualTo("StatefulSet");
        assertThat(names(plan.ofType(SERVICE)))
                .containsExactly("otel-collector-gateway-headless", "otel-collector-gateway-service");
    }

    @Test
    void theQueueTierGrowsUnderLoadButIsNeverScaledInSoNoQueueIsLeftUndrained() {
        Plan prod = StackHarness.synth("prod").within("otel-collector");
        PlannedResource gateway = prod.get(STATEFUL_SET, "otel-collector-gateway-workload");

        assertThat(prod.get(HPA, "otel-collector-gateway-autoscaler").input("spec.behavior.scaleDown.selectPolicy")
                .asText()).isEqualTo("Disabled");
        assertThat(gateway.input("spec.persistentVolumeClaimRetentionPolicy").toString())
                .isEqualTo("{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}");
        JsonNode stateless = StackHarness.synth("stage").within("otel-collector")
                .get(HPA, "otel-collector-gateway-autoscaler").input("spec");
        assertThat(stateless.has("behavior")).as("a tier without queues on volumes scales in freely").isFalse();
    }

    @Test
    void autoscalersTakeTheirRangeFromTheStackFile() {
        JsonNode dev = StackHarness.synth("dev").within("otel-collector").get(HPA, "otel-collector-sampler-autoscaler").input("spec");
        assertThat(dev.path("minReplicas").asInt()).isEqualTo(1);
        assertThat(dev.path("maxReplicas").asInt()).isEqualTo(2);
        JsonNode prod = StackHarness.synth("prod").within("otel-collector").get(HPA, "otel-collector-gateway-autoscaler").input("spec");
        assertThat(prod.path("minReplicas").asInt()).isEqualTo(3);
        assertThat(prod.path("maxReplicas").asInt()).isEqualTo(10);
        assertThat(prod.path("metrics").findValuesAsText("name")).containsExactly("cpu", "memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyServicePortTargetsAPortTheSelectedContainerListensOn(String stack) {
        Plan plan = StackHarness.synth(stack).within("otel-collector");
        for (PlannedResource service : plan.ofType(SERVICE)) {
            JsonNode selector = service.input("spec.selector");
            List<PlannedResource> selected = workloads(plan).stream()
                    .filter(w -> matches(w.input("spec.template.metadata.labels"), selector)).toList();
            assertThat(selected).as(service.name() + " selects a workload").hasSize(1);
            Set<String> containerPorts = new HashSet<>();
            selected.get(0).input("spec.template.spec.containers")
                    .forEach(c -> c.path("ports").forEach(p -> containerPorts.add(p.path("name").asText())));
            service.input("spec.ports").forEach(port -> assertThat(containerPorts)
                    .as(service.name() + " port " + port.path("name").asText())
                    .contains(port.path("targetPort").asText()));
            service.input("spec.ports").forEach(port ->
                    assertThat(port.path("appProtocol").asText()).isIn("grpc", "http"));
        }
    }

    @Test
    void goMemLimitIsEightyPercentOfTheMemoryLimit() {
        JsonNode container = StackHarness.synth("stage").within("otel-collector").get(DEPLOYMENT, "otel-collector-gateway-workload")
                .input("spec.template.spec.containers").get(0);
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1024Mi");
        assertThat(container.at("/env/0/name").asText()).isEqualTo("GOMEMLIMIT");
        assertThat(container.at("/env/0/value").asText()).isEqualTo("819MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void configMapsCarryTheRenderedConfigUnderAHashedNameThePodTemplateAnnotates(String stack) {
        Plan plan = StackHarness.synth(stack).within("otel-collector");
        for (PlannedResource workload : workloads(plan)) {
            String tier = workload.input("metadata.labels").path("app.kubernetes.io/component").asText();
            String yaml = plan.rendered().file("collector/" + tier + ".yaml");
            String hash = Names.hash8(yaml);
            PlannedResource configMap = plan.get(CONFIG_MAP, "otel-collector-" + tier + "-config");
            assertThat(configMap.input("metadata.name").asText()).isEqualTo("otel-collector-" + tier + "-" + hash);
            assertThat(configMap.input("data").path("collector.yaml").asText()).isEqualTo(yaml);
            assertThat(workload.input("spec.template.metadata.annotations").path("tracestack.dev/config-hash").asText())
                    .isEqualTo(hash);
            assertThat(workload.input("spec.template.spec.volumes").get(0).at("/configMap/name").asText())
                    .isEqualTo(configMap.input("metadata.name").asText());
            assertThat(workload.dependsOn()).contains(configMap.name());
        }
    }

    @Test
    void selectorsAreAStableSubsetOfTheLabelsWithoutVersion() {
        PlannedResource gateway = StackHarness.synth("dev").within("otel-collector").get(DEPLOYMENT, "otel-collector-gateway-workload");
        JsonNode selector = gateway.input("spec.selector.matchLabels");
        assertThat(selector.has("app.kubernetes.io/version")).isFalse();
        assertThat(matches(gateway.input("spec.template.metadata.labels"), selector)).isTrue();
        assertThat(gateway.input("metadata.labels").path("app.kubernetes.io/version").asText()).isEqualTo("0.158.0");
    }

    @Test
    void turningTheJaegerReceiverOnOpensItsPortsOnTheServiceWithTheirProtocols() {
        Plan plan = StackHarness.synth("dev", Map.of(dev.tracestack.config.ConfigKeys.COLLECTOR,
                "{\"receivers\":{\"jaeger\":true},\"gateway\":{\"minReplicas\":1,\"maxReplicas\":2}}"));
        JsonNode ports = plan.get(SERVICE, "otel-collector-gateway-service").input("spec.ports");
        List<String> named = new ArrayList<>();
        ports.forEach(p -> named.add(p.path("name").asText() + "=" + p.path("port").asInt() + "/"
                + p.path("appProtocol").asText()));
        assertThat(named).containsExactly("otlp-grpc=4317/grpc", "otlp-http=4318/http", "zipkin=9411/http",
                "jaeger-grpc=14250/grpc", "jaeger-thrift=14268/http");
    }

    @Test
    void endpointsForApplicationsAreStackOutputs() {
        assertThat(StackHarness.synth("stage").within("otel-collector").outputs()).contains(
                Map.entry("collectorOtlpGrpcEndpoint", "otel-collector.observability.svc.cluster.local:4317"),
                Map.entry("collectorOtlpHttpEndpoint", "http://otel-collector.observability.svc.cluster.local:4318"),
                Map.entry("collectorZipkinEndpoint",
                        "http://otel-collector.observability.svc.cluster.local:9411/api/v2/spans"));
    }

    @Test
    void everyCollectorObjectIsAChildOfTheComponentInTheNamespace() {
        Plan plan = StackHarness.synth("dev").within("otel-collector");
        assertThat(plan.get("tracestack:collector:OtelCollector", "otel-collector").parent()).isEqualTo("tracestack");
        for (PlannedResource child : plan.childrenOf("otel-collector")) {
            assertThat(child.provider()).as(child.name()).isEqualTo("kubernetes");
            if (!child.type().equals("kubernetes:core/v1:Namespace")) {
                assertThat(child.input("metadata.namespace").asText()).as(child.name()).isEqualTo("observability");
                assertThat(child.dependsOn()).as(child.name()).contains("otel-collector-namespace");
            }
        }
    }

    private static boolean matches(JsonNode labels, JsonNode selector) {
        List<String> keys = new ArrayList<>();
        selector.fieldNames().forEachRemaining(keys::add);
        return !keys.isEmpty() && keys.stream().allMatch(k -> selector.path(k).asText().equals(labels.path(k).asText()));
    }
}
