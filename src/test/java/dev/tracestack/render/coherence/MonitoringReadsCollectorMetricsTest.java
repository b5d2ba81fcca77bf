package dev.tracestack.render.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.testing.CataloguedCollectorMetrics;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metrics the alerts and dashboards read from the collector are the ones its rendered config
 * really sends to Cloud Monitoring: span metrics under the connector's namespace and the collector's
 * own {@code otelcol_*} telemetry, both through the {@code googlecloud} exporter's metric prefix.
 */
class MonitoringReadsCollectorMetricsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<JsonNode> tiers(String stack) throws Exception {
        RenderedStack rendered = StackHarness.synth(stack).rendered();
        List<JsonNode> tiers = new ArrayList<>();
        for (var file : rendered.files().entrySet()) {
            if (file.getKey().startsWith("collector/")) {
                tiers.add(YAML.readTree(file.getValue()));
            }
        }
        return tiers;
    }

    /** Pipelines that end in the googlecloud exporter, with the receivers that feed them. */
    private static Set<String> receiversExportedToCloudMonitoring(JsonNode config) {
        Set<String> receivers = new java.util.TreeSet<>();
        config.at("/service/pipelines").fields().forEachRemaining(pipeline -> {
            boolean metrics = pipeline.getKey().startsWith("metrics");
            boolean toGoogle = pipeline.getValue().path("exporters").toString().contains("\"googlecloud\"");
            if (metrics && toGoogle) {
                pipeline.getValue().path("receivers").forEach(r -> receivers.add(r.asText()));
            }
        });
        return receivers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void spanMetricTypesAreTheConnectorsNamespaceUnderTheExportersPrefix(String stack) throws Exception {
        JsonNode gateway = tiers(stack).get(0);
        String prefix = gateway.at("/exporters/googlecloud/metric/prefix").asText();
        String namespace = gateway.at("/connectors/span_metrics/namespace").asText();

        assertThat(prefix).isEqualTo(MetricCatalog.WORKLOAD);
        assertThat(receiversExportedToCloudMonitoring(gateway)).contains("span_metrics");
        assertThat(Set.of(MetricCatalog.SPAN_CALLS, MetricCatalog.SPAN_DURATION))
                .isEqualTo(Set.of(prefix + namespace + ".calls", prefix + namespace + ".duration"));
        assertThat(gateway.at("/connectors/span_metrics/histogram/explicit/buckets").toString())
                .as("the P95 > 2 s alert needs a 2 s bucket boundary").contains("\"2s\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyTierPushesItsOwnTelemetryIntoAPipelineToCloudMonitoring(String stack) throws Exception {
        for (JsonNode tier : tiers(stack)) {
            JsonNode readers = tier.at("/service/telemetry/metrics/readers");
            assertThat(readers.toString()).contains("periodic").contains("localhost:14317");
            assertThat(tier.at("/receivers/otlp~1self/protocols/grpc/endpoint").asText()).isEqualTo("localhost:14317");
            assertThat(receiversExportedToCloudMonitoring(tier)).contains("otlp/self").doesNotContain("otlp");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyCollectorMetricTheCatalogListsComesFromOneOfThoseTwoPaths(String stack) throws Exception {
        JsonNode gateway = tiers(stack).get(0);
        String spanMetrics = MetricCatalog.WORKLOAD + gateway.at("/connectors/span_metrics/namespace").asText() + ".";
        Set<String> unexplained = CataloguedCollectorMetrics.types().stream()
                .filter(type -> !type.startsWith(spanMetrics))
                .filter(type -> !type.startsWith(MetricCatalog.WORKLOAD + "otelcol_"))
                .collect(Collectors.toSet());
        assertThat(unexplained).isEmpty();
    }
}
