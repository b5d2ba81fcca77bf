package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.monitoring.DashboardModel.Dashboard;
import dev.tracestack.render.monitoring.DashboardModel.Widget;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboards each environment gets and the lines and thresholds on them. */
class DashboardsTest {

    @Test
    void devHasTheOverviewAndCollectorHealthAndNoJaegerDashboard() {
        assertThat(Dashboards.of(StackHarness.config("dev"))).containsOnlyKeys("overview", "collector-health");
        assertThat(Dashboards.of(StackHarness.config("stage")))
                .containsOnlyKeys("overview", "collector-health", "jaeger-health");
    }

    @Test
    void theOverviewDrawsTheErrorRateAsARatioWithTheLevelsThresholdLine() {
        Map<String, Dashboard> stage = Dashboards.of(StackHarness.config("stage"));

        Widget errorRate = widget(stage.get("overview"), "Error rate per service");
        var ratio = errorRate.xyChart().dataSets().get(0).timeSeriesQuery().timeSeriesFilterRatio();
        assertThat(ratio.numerator().filter()).contains("STATUS_CODE_ERROR");
        assertThat(ratio.denominator().filter()).isEqualTo("metric.type=\"" + MetricCatalog.SPAN_CALLS
                + "\" AND resource.type=\"generic_node\"" + " AND metric.label.span_kind=one_of(\"SPAN_KIND_SERVER\",\"SPAN_KIND_CONSUMER\")");
        assertThat(errorRate.xyChart().thresholds()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo(0.05))
                .satisfies(t -> assertThat(t.label()).contains("5%"));
    }

    @Test
    void theOverviewShowsMeanAndP95LatencyPerService() {
        Dashboard overview = Dashboards.of(StackHarness.config("prod")).get("overview");

        assertThat(widget(overview, "Mean span latency per service (ms)").xyChart().dataSets().get(0)
                .timeSeriesQuery().timeSeriesFilter().aggregation().crossSeriesReducer()).isEqualTo("REDUCE_MEAN");
        var p95 = widget(overview, "P95 span latency per service (ms)").xyChart();
        assertThat(p95.dataSets().get(0).timeSeriesQuery().timeSeriesFilter().aggregation().groupByFields())
                .containsExactly("metric.label.service_name");
        assertThat(p95.thresholds().get(0).value()).isEqualTo(1000);
    }

    @Test
    void collectorHealthShowsAcceptedRefusedDroppedQueueAndMemory() {
        Dashboard health = Dashboards.of(StackHarness.config("dev")).get("collector-health");

        assertThat(health.mosaicLayout().tiles()).extracting(t -> t.widget().title()).containsExactly(
                "Accepted spans/s per receiver", "Refused spans/s per receiver", "Sent spans/s per exporter",
                "Dropped spans/s per exporter (send failed, queue full)", "Sending queue size and capacity",
                "Memory (RSS) per collector instance");
    }

    private static Widget widget(Dashboard dashboard, String title) {
        return dashboard.mosaicLayout().tiles().stream().map(DashboardModel.Tile::widget)
                .filter(w -> w.title().equals(title)).findFirst().orElseThrow();
    }
}
