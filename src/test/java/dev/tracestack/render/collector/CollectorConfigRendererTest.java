package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.Golden;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered collector configuration per environment, from the real stack files. */
class CollectorConfigRendererTest {

    private static CollectorConfig tier(String stack, CollectorTier.Role role) {
        StackConfig config = StackHarness.config(stack);
        CollectorTier tier = CollectorTier.of(config).stream().filter(t -> t.role() == role).findFirst().orElseThrow();
        return CollectorConfigRenderer.config(config, tier);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> section, String id) {
        return (Map<String, Object>) section.get(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void renderedConfigOfEveryTierMatchesItsGoldenFile(String stack) {
        Map<String, String> files = RenderedTier.files(CollectorConfigRenderer.tiers(StackHarness.config(stack)));
        files.forEach((path, text) -> Golden.assertMatches(path.replace("collector/", "collector/" + stack + "/"), text));
        assertThat(RenderedStack.render(StackHarness.config(stack)).files()).containsAllEntriesOf(files);
    }

    @Test
    void devAndStageRunAGatewayAndASamplerWhileProdKeepsEverythingOnOneTier() {
        assertThat(RenderedTier.files(CollectorConfigRenderer.tiers(StackHarness.config("dev"))).keySet())
                .containsExactly("collector/gateway.yaml", "collector/sampler.yaml");
        assertThat(RenderedTier.files(CollectorConfigRenderer.tiers(StackHarness.config("stage"))).keySet())
                .containsExactly("collector/gateway.yaml", "collector/sampler.yaml");
        assertThat(RenderedTier.files(CollectorConfigRenderer.tiers(StackHarness.config("prod"))).keySet())
                .containsExactly("collector/gateway.yaml");
    }

    @Test
    void processorsRunMemoryLimiterFirstThenSendersTracestackAttributesDeletedFilterRedactionEnvironmentSamplingAndBatchLast() {
        assertThat(tier("dev", CollectorTier.Role.GATEWAY).service().pipelines().get("traces").processors())
                .containsExactly("memory_limiter", "attributes/reserved", "resource/reserved", "filter/noise",
                        "attributes/pii", "attributes/detail",
                        "redaction/hash", "redaction/values", "resource/environment", "batch");
        assertThat(tier("dev", CollectorTier.Role.SAMPLER).service().pipelines().get("traces").processors())
                .containsExactly("memory_limiter", "tail_sampling", "batch");
        assertThat(tier("prod", CollectorTier.Role.GATEWAY).service().pipelines().get("traces").processors())
                .containsExactly("memory_limiter", "attributes/reserved", "resource/reserved", "filter/noise",
                        "attributes/pii", "redaction/hash", "redaction/values", "resource/environment",
                        "attributes/slo-latency-500",
                        "attributes/slo-errors-1");
    }

    @Test
    void aTierWhoseExportersQueueOnAVolumeBatchesInTheQueueAfterTheWriteNotInMemoryBeforeIt() {
        CollectorConfig prod = tier("prod", CollectorTier.Role.GATEWAY);

        assertThat(prod.service().pipelines().get("traces").processors()).doesNotContain("batch");
        for (String exporter : List.of("googlecloud", "otlp_grpc/jaeger", "googlecloudpubsub")) {
            assertThat(Artifacts.yaml(body(prod.exporters(), exporter))).as(exporter)
                    .contains("storage: file_storage", "batch:\n    flush_timeout: 5s\n    min_size: 2048\n    max_size: 4096\n    sizer: items");
        }
        assertThat(prod.service().pipelines().get("metrics/spanmetrics").processors()).endsWith("batch");
    }

    @Test
    void receiversFollowTheSwitchesOfTheStack() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev", Map.of(ConfigKeys.COLLECTOR,
                "{\"receivers\":{\"zipkin\":false,\"jaeger\":true}}")));
        CollectorConfig gateway = CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));
        assertThat(gateway.receivers()).containsOnlyKeys("otlp", "jaeger", "otlp/self");
        assertThat(gateway.service().pipelines().get("traces").receivers()).containsExactly("otlp", "jaeger");
        assertThat(Artifacts.yaml(gateway.receivers().get("jaeger")))
                .contains("endpoint: 0.0.0.0:14250", "endpoint: 0.0.0.0:14268");
    }

    @Test
    void memoryLimiterIsEightyPercentOfTheContainerLimitWithAQuarterForSpikes() {
        assertThat(body(tier("dev", CollectorTier.Role.GATEWAY).processors(), "memory_limiter"))
                .containsEntry("limit_mib", 409).containsEntry("spike_limit_mib", 102);
        assertThat(body(tier("prod", CollectorTier.Role.GATEWAY).processors(), "memory_limiter"))
                .containsEntry("limit_mib", 1638).containsEntry("spike_limit_mib", 409);
    }

    @Test
    void tailSamplingPoliciesCarryEachEnvironmentsRatesAndTheSlowThreshold() {
        String dev = Artifacts.yaml(body(tier("dev", CollectorTier.Role.SAMPLER).processors(), "tail_sampling"));
        assertThat(dev).contains("sampling_percentage: 50.0", "sampling_percentage: 30.0",
                "sampling_percentage: 10.0", "threshold_ms: 2000", "- ERROR");
        String stage = Artifacts.yaml(body(tier("stage", CollectorTier.Role.SAMPLER).processors(), "tail_sampling"));
        assertThat(stage).contains("sampling_percentage: 50.0", "sampling_percentage: 30.0")
                .doesNotContain("sampling_percentage: 10.0");
        assertThat(tier("prod", CollectorTier.Role.GATEWAY).processors()).doesNotContainKey("tail_sampling");
    }

    @Test
    void filterDropsHealthMetricsReadinessAndGrpcHealthChecksWithOttl() {
        Map<String, Object> filter = body(tier("dev", CollectorTier.Role.GATEWAY).processors(), "filter/noise");
        assertThat(body(filter, "traces").get("span")).isEqualTo(List.of(
                "attributes[\"http.route\"] == \"/health\"",
                "attributes[\"http.route\"] == \"/metrics\"",
                "attributes[\"http.route\"] == \"/ready\"",
                "Concat([attributes[\"rpc.service\"], attributes[\"rpc.method\"]], \"/\") == \"grpc.health.v1.Health/Check\""));
        assertThat(filter).containsEntry("error_mode", "ignore");
    }

    @Test
    void spanMetricsLeaveTheGatewayForTheObjectivesSpanKindsOnly() {
        CollectorConfig prod = tier("prod", CollectorTier.Role.GATEWAY);
        assertThat(body(prod.processors(), "filter/spanmetrics")).isEqualTo(Map.of("error_mode", "ignore",
                "metrics", Map.of("datapoint", List.of(
                        "attributes[\"span.kind\"] != \"SPAN_KIND_SERVER\" and attributes[\"span.kind\"] != \"SPAN_KIND_CONSUMER\""))));
        assertThat(prod.service().pipelines().get("metrics/spanmetrics").processors())
                .containsExactly("memory_limiter", "filter/spanmetrics", "resource/spanmetrics", "batch");

        var clients = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:alerts", "{\"objectiveSpanKinds\":[\"client\"]}")));
        CollectorConfig gateway = CollectorConfigRenderer.config(clients, CollectorTier.of(clients).get(0));
        assertThat(body(body(gateway.processors(), "filter/spanmetrics"), "metrics").get("datapoint"))
                .isEqualTo(List.of("attributes[\"span.kind\"] != \"SPAN_KIND_CLIENT\""));
    }

    @Test
    void resourceProcessorStampsTheEnvironmentUnderTheCurrentAndTheDeprecatedName() {
        assertThat(body(tier("stage", CollectorTier.Role.GATEWAY).processors(), "resource/environment").get("attributes"))
                .isEqualTo(List.of(
                        Map.of("key", "deployment.environment.name", "value", "stage", "action", "upsert"),
                        Map.of("key", "deployment.environment", "value", "stage", "action", "upsert")));
    }

    @Test
    void tracesLeaveFromTheDecidingTierToTheBackendsEachEnvironmentTurnsOn() {
        assertThat(tier("dev", CollectorTier.Role.GATEWAY).service().pipelines().get("traces").exporters())
                .containsExactly("load_balancing", "span_metrics");
        assertThat(tier("dev", CollectorTier.Role.SAMPLER).service().pipelines().get("traces").exporters())
                .containsExactly("googlecloud", "googlecloudpubsub");
        assertThat(tier("stage", CollectorTier.Role.SAMPLER).service().pipelines().get("traces").exporters())
                .containsExactly("googlecloud", "otlp_grpc/jaeger", "googlecloudpubsub");
        assertThat(tier("prod", CollectorTier.Role.GATEWAY).service().pipelines().get("traces").exporters())
                .containsExactly("googlecloud", "otlp_grpc/jaeger", "googlecloudpubsub", "span_metrics");
    }

    @Test
    void exportersPointAtTheJaegerServiceTheEnvironmentsTopicAndTheSamplerHeadlessService() {
        CollectorConfig stage = tier("stage", CollectorTier.Role.SAMPLER);
        assertThat(body(stage.exporters(), "otlp_grpc/jaeger"))
                .containsEntry("endpoint", "jaeger-collector.observability.svc.cluster.local:4317");
        assertThat(body(stage.exporters(), "googlecloudpubsub"))
                .containsEntry("topic", "projects/dta-cloud-de-stage/topics/otel-traces-stage");
        assertThat(Artifacts.yaml(body(tier("stage", CollectorTier.Role.GATEWAY).exporters(), "load_balancing")))
                .contains("routing_key: traceID", "hostname: otel-collector-sampler.observability.svc.cluster.local");
    }

    @Test
    void everyNetworkExporterQueuesAndRetriesAndProdQueuesOnDisk() {
        for (String stack : List.of("dev", "stage")) {
            CollectorConfig sampler = tier(stack, CollectorTier.Role.SAMPLER);
            sampler.exporters().keySet().forEach(id -> {
                Map<String, Object> exporter = body(sampler.exporters(), id);
                assertThat(exporter).as(id).containsKey("sending_queue");
                assertThat(body(exporter, "sending_queue")).as(id).doesNotContainKey("storage");
                if (!id.equals("googlecloud")) {
                    assertThat(exporter).as(id).containsKey("retry_on_failure");
                }
            });
        }
        CollectorConfig prod = tier("prod", CollectorTier.Role.GATEWAY);
        prod.exporters().keySet().forEach(id ->
                assertThat(body(body(prod.exporters(), id), "sending_queue")).as(id).containsEntry("storage", "file_storage"));
        assertThat(prod.service().extensions()).contains("file_storage");
        Map<String, Object> loadBalancing = body(tier("dev", CollectorTier.Role.GATEWAY).exporters(), "load_balancing");
        assertThat(loadBalancing).containsKeys("sending_queue", "retry_on_failure");
        assertThat(body(body(loadBalancing, "protocol"), "otlp"))
                .containsEntry("sending_queue", Map.of("enabled", false))
                .containsEntry("retry_on_failure", Map.of("enabled", false));
    }
}
