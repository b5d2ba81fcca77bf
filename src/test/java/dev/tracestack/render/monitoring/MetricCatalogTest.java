package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.render.Artifacts;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold;
import dev.tracestack.testing.CataloguedCollectorMetrics;
import dev.tracestack.testing.StackHarness;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Alerts and dashboards read only metric types the stack writes or Google writes, listed in one place. */
class MetricCatalogTest {

    /** The cross-part contract's collector metric types, spelled as the contract spells them. */
    private static final Set<String> CONTRACT = Set.of(
            "workload.googleapis.com/traces.span.metrics.calls",
            "workload.googleapis.com/traces.span.metrics.duration",
            "workload.googleapis.com/otelcol_receiver_accepted_spans",
            "workload.googleapis.com/otelcol_receiver_refused_spans",
            "workload.googleapis.com/otelcol_exporter_sent_spans",
            "workload.googleapis.com/otelcol_exporter_send_failed_spans",
            "workload.googleapis.com/otelcol_exporter_enqueue_failed_spans",
            "workload.googleapis.com/otelcol_exporter_queue_size",
            "workload.googleapis.com/otelcol_exporter_queue_capacity",
            "workload.googleapis.com/otelcol_process_memory_rss",
            "workload.googleapis.com/otelcol_process_uptime");

    @Test
    void theCollectorEntriesAreExactlyTheContractsMetricTypes() {
        assertThat(CataloguedCollectorMetrics.types()).containsExactlyInAnyOrderElementsOf(CONTRACT);
    }

    @Test
    void everyCatalogueEntryIsListedOnceWithItsSource() {
        Set<String> seen = new HashSet<>();
        for (MetricCatalog.Metric metric : MetricCatalog.METRICS) {
            assertThat(seen.add(metric.type())).as("duplicate %s", metric.type()).isTrue();
            assertThat(metric.kind()).isIn("GAUGE", "DELTA", "CUMULATIVE");
            if (metric.source() == MetricCatalog.Source.GOOGLE_BUILT_IN) {
                assertThat(metric.type()).matches("(cloudtrace|kubernetes\\.io|pubsub|bigquerydatatransfer)\\S*/.+");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyMetricTypeAnAlertOrDashboardReadsIsCatalogued(String stack) throws Exception {
        Set<String> catalogued = new HashSet<>();
        MetricCatalog.METRICS.forEach(m -> catalogued.add(m.type()));
        Map<String, String> files = MonitoringRenderer.render(StackHarness.config(stack)).files();
        Set<String> read = new HashSet<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().equals(MonitoringRenderer.ALERT_POLICIES) || file.getKey().contains("/dashboards/")) {
                MetricCatalog.filtersIn(Artifacts.JSON.readTree(file.getValue()))
                        .values().forEach(filter -> read.addAll(MetricCatalog.typesIn(filter)));
            }
        }

        assertThat(read).isNotEmpty().allSatisfy(type -> assertThat(catalogued).contains(type));
    }

    @Test
    void renderingFailsWhenAnAlertReadsAMetricNothingWrites() {
        var config = StackHarness.config("stage");
        Map<String, AlertPolicy> policies = new LinkedHashMap<>(AlertPolicies.of(config));
        AlertPolicy errorRate = policies.get("error-rate");
        // The seed's own policy read a custom metric no pipeline writes.
        policies.put("error-rate", new AlertPolicy(errorRate.displayName(), errorRate.documentation(),
                errorRate.userLabels(), List.of(new Condition("seed 004 error rate", new MetricThreshold(
                        "metric.type=\"custom.googleapis.com/traces/error_rate\"", List.of(), null, List.of(),
                        "COMPARISON_GT", 0.05, "180s", null, null), null)),
                errorRate.combiner(), errorRate.alertStrategy(), errorRate.severity(), List.of()));

        assertThatThrownBy(() -> MonitoringRenderer.requireCatalogued(
                MonitoringRenderer.trees(policies), MonitoringRenderer.trees(Dashboards.of(config))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("custom.googleapis.com/traces/error_rate")
                .hasMessageContaining("alert error-rate/conditions/0/conditionThreshold/filter");
    }

    @Test
    void aDenominatorFilterIsCheckedToo() {
        Map<String, String> filters = MetricCatalog.filtersIn(Artifacts.JSON.valueToTree(Map.of(
                "denominatorFilter", "metric.type=\"workload.googleapis.com/otelcol_receiver_accepted_spans_total\"")));

        assertThatThrownBy(() -> MetricCatalog.requireCatalogued(filters))
                .hasMessageContaining("otelcol_receiver_accepted_spans_total");
    }
}
