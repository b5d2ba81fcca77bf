package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert conditions and dashboard queries matched against the series a rehearsal recorded. */
class MetricCoverageCheckTest {

    private static final String UPTIME = "metric.type=\"" + MetricCatalog.UPTIME + "\" AND resource.type=\"generic_task\"";
    private static final String ERRORS = "metric.type=\"" + MetricCatalog.SPAN_CALLS + "\" AND resource.type=\"generic_node\""
            + " AND metric.label.status_code=\"STATUS_CODE_ERROR\" AND metric.label.span_kind=one_of(\"SPAN_KIND_SERVER\",\"SPAN_KIND_CONSUMER\")";

    private static Capture.WrittenSeries series(String type, Map<String, String> labels, String resource) {
        return new Capture.WrittenSeries(type, labels, resource, Map.of("location", "global"));
    }

    @Test
    void aFilterOnTheResourceTypeAndLabelsWrittenSelectsThem() {
        MetricCoverageCheck.Result result = MetricCoverageCheck.check(List.of(
                        new MetricCoverageCheck.Query("alert policy error-rate, condition \"errors\", filter", ERRORS,
                                List.of("metric.label.service_name"))),
                List.of(series(MetricCatalog.SPAN_CALLS, Map.of("status_code", "STATUS_CODE_ERROR",
                        "span_kind", "SPAN_KIND_SERVER", "service_name", "checkout"), "generic_node")));

        assertThat(result.failed()).isEmpty();
        assertThat(result.checked()).containsExactly("alert policy error-rate, condition \"errors\", filter");
    }

    @Test
    void aWrongResourceTypeSelectsNothingAndNamesTheCondition() {
        MetricCoverageCheck.Result result = MetricCoverageCheck.check(List.of(
                        new MetricCoverageCheck.Query("alert policy collector-down, condition \"down\", filter", UPTIME, List.of())),
                List.of(series(MetricCatalog.UPTIME, Map.of(), "generic_node")));

        assertThat(result.failed()).containsExactly("alert policy collector-down, condition \"down\", filter: selects nothing "
                + "written, " + MetricCatalog.UPTIME + " is written with resource.type [generic_node], not \"generic_task\"");
    }

    @Test
    void aLabelNeverWrittenOrAValueNeverWrittenSelectsNothing() {
        List<Capture.WrittenSeries> written = List.of(series(MetricCatalog.SPAN_CALLS,
                Map.of("status_code", "STATUS_CODE_OK", "span_kind", "SPAN_KIND_SERVER"), "generic_node"));

        MetricCoverageCheck.Result wrongValue = MetricCoverageCheck.check(List.of(
                new MetricCoverageCheck.Query("error-rate", ERRORS, List.of())), written);
        MetricCoverageCheck.Result groupedByAbsent = MetricCoverageCheck.check(List.of(new MetricCoverageCheck.Query(
                "overview", "metric.type=\"" + MetricCatalog.SPAN_CALLS + "\" AND resource.type=\"generic_node\"",
                List.of("metric.label.service_name"))), written);

        assertThat(wrongValue.failed()).singleElement().asString().startsWith("error-rate: selects nothing written")
                .contains("metric.label.status_code=\"STATUS_CODE_ERROR\"", "[STATUS_CODE_OK]");
        assertThat(groupedByAbsent.failed()).singleElement().asString()
                .contains("groups by metric.label.service_name, which no selected series");
    }

    @Test
    void metricsGoogleOrCloudLoggingWriteAndFailureCountersNeverWrittenAreReportedAsNotChecked() {
        String sendFailed = "metric.type=\"" + MetricCatalog.SEND_FAILED_SPANS + "\" AND resource.type=\"generic_task\"";
        List<MetricCoverageCheck.Query> queries = List.of(
                new MetricCoverageCheck.Query("ingestion", "metric.type=\"" + MetricCatalog.CLOUD_TRACE_SPANS
                        + "\" AND resource.type=\"global\"", List.of()),
                new MetricCoverageCheck.Query("storage", "metric.type=\"" + MetricCatalog.JAEGER_STORAGE_ERRORS
                        + "\" AND resource.type=\"k8s_container\"", List.of()),
                new MetricCoverageCheck.Query("failures", sendFailed, List.of()));

        MetricCoverageCheck.Result nothingFailed = MetricCoverageCheck.check(queries, List.of());
        MetricCoverageCheck.Result failedOnTheWrongResource = MetricCoverageCheck.check(queries,
                List.of(series(MetricCatalog.SEND_FAILED_SPANS, Map.of(), "generic_node")));

        assertThat(nothingFailed.failed()).isEmpty();
        assertThat(nothingFailed.notChecked()).containsExactly(
                "ingestion (" + MetricCatalog.CLOUD_TRACE_SPANS + "): written by Google Cloud itself, not by the collector",
                "storage (" + MetricCatalog.JAEGER_STORAGE_ERRORS + "): a log-based metric, written by Cloud Logging from log entries",
                "failures (" + MetricCatalog.SEND_FAILED_SPANS + "): written only after a failure, and nothing failed");
        assertThat(failedOnTheWrongResource.failed()).singleElement().asString().startsWith("failures: selects nothing");
    }

    @Test
    void readsEveryConditionsFiltersWithTheirOwnGroupByAndEveryDashboardQuery() {
        List<MetricCoverageCheck.Query> queries = MetricCoverageCheck.queries(RenderedStack.render(StackHarness.config("prod")));

        assertThat(queries).filteredOn(q -> q.where().startsWith("alert policy error-rate, condition ")
                        && q.where().endsWith(", denominatorFilter"))
                .hasSize(2).allSatisfy(q -> assertThat(q.groupBy()).containsExactly("metric.label.service_name"));
        assertThat(queries).filteredOn(q -> q.where().startsWith("alert policy collector-down, condition \"no collector "))
                .singleElement().satisfies(q -> assertThat(q.filter()).isEqualTo(UPTIME));
        assertThat(queries).filteredOn(q -> q.where().startsWith("dashboard overview.json, widget ")).isNotEmpty();
    }

    @Test
    void namesEachMetricWrittenOffTheResourceTypeTheCatalogGivesIt() {
        assertThat(MetricCoverageCheck.offCatalog(List.of(series(MetricCatalog.UPTIME, Map.of(), "generic_task"),
                series(MetricCatalog.SPAN_CALLS, Map.of(), "k8s_pod"))))
                .containsExactly(MetricCatalog.SPAN_CALLS + " written on [k8s_pod], catalogued on generic_node");
    }
}
