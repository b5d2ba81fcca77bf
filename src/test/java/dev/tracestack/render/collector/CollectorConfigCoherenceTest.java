package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tier's config is wired completely and feeds the metric types the monitoring part reads. */
class CollectorConfigCoherenceTest {

    static Stream<Arguments> tiers() {
        return Stream.of("dev", "stage", "prod").flatMap(stack -> {
            StackConfig config = StackHarness.config(stack);
            return CollectorTier.of(config).stream()
                    .map(t -> Arguments.of(stack + "/" + t.role().id(), CollectorConfigRenderer.config(config, t)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void everyComponentAPipelineNamesIsDefined(String tier, CollectorConfig config) {
        assertThat(config.undefinedReferences()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void everyDefinedComponentIsUsed(String tier, CollectorConfig config) {
        assertThat(config.unusedComponents()).isEmpty();
    }

    @Test
    void aPipelineNamingAnUndefinedExporterIsRefused() {
        CollectorConfig miswired = new CollectorConfig(Map.of("otlp", Map.of()), Map.of(), Map.of(),
                Map.of("debug", Map.of()), Map.of(), new CollectorConfig.Service(List.of(),
                Map.of("traces", new CollectorConfig.Pipeline(List.of("otlp"), List.of(), List.of("otlp_grpc/jaeger"))),
                Map.of()));

        assertThatThrownBy(miswired::requireWired).isInstanceOf(IllegalStateException.class)
                .hasMessage("collector config not wired: undefined [traces.exporters.otlp_grpc/jaeger], unused [debug]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void noPipelineIsEmptyAndEveryConnectorBothReceivesAndExports(String tier, CollectorConfig config) {
        config.service().pipelines().forEach((id, p) -> {
            assertThat(p.receivers()).as(id).isNotEmpty();
            assertThat(p.exporters()).as(id).isNotEmpty();
            assertThat(p.processors()).as(id).startsWith("memory_limiter");
        });
        config.connectors().keySet().forEach(connector -> {
            assertThat(config.service().pipelines().values()).as(connector)
                    .anyMatch(p -> p.exporters().contains(connector))
                    .anyMatch(p -> p.receivers().contains(connector));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void selfTelemetryIsScrapedOn8888AndPushedIntoALoopbackReceiverForCloudMonitoring(String tier,
                                                                                      CollectorConfig config) {
        String telemetry = Artifacts.yaml(config.service().telemetry());
        assertThat(telemetry).contains("host: 0.0.0.0", "port: 8888", "endpoint: http://localhost:14317");
        assertThat(config.receivers().get("otlp/self"))
                .isEqualTo(Map.of("protocols", Map.of("grpc", Map.of("endpoint", "localhost:14317"))));
        assertThat(config.service().pipelines().get("metrics/self"))
                .isEqualTo(new CollectorConfig.Pipeline(List.of("otlp/self"),
                        List.of("memory_limiter", "filter/self", "batch"), List.of("googlecloud")));
        // The receiver applications send to is in no metrics pipeline: nothing they send reaches Cloud Monitoring.
        config.service().pipelines().forEach((id, pipeline) -> assertThat(id.startsWith("metrics")
                && pipeline.receivers().contains("otlp")).as(id).isFalse());
        assertThat(config.exporters().get("googlecloud"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("metric", Map.of("prefix", "workload.googleapis.com/"));
        assertThat(config.extensions()).containsKeys("health_check", "zpages").doesNotContainKey("pprof");
    }

    @Test
    void spanMetricsAreComputedOnTheGatewayFromEverySpanBeforeSampling() {
        for (String stack : List.of("dev", "stage", "prod")) {
            StackConfig stackConfig = StackHarness.config(stack);
            CollectorConfig gateway = CollectorConfigRenderer.config(stackConfig, CollectorTier.of(stackConfig).get(0));
            assertThat(gateway.service().pipelines().get("traces").exporters()).as(stack).contains("span_metrics");
            assertThat(gateway.service().pipelines().get("traces").processors()).as(stack)
                    .doesNotContain("tail_sampling");
            assertThat(gateway.service().pipelines().get("metrics/spanmetrics").exporters()).containsExactly("googlecloud");
            assertThat(Artifacts.yaml(gateway.connectors().get("span_metrics")))
                    .contains("namespace: traces.span.metrics", "unit: ms", "- 2s");
        }
    }
}
