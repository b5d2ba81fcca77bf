package dev.tracestack.render.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Jaeger's UI searches, and where it points for the traces older than that. */
class UiConfigRendererTest {

    @Test
    void prodSearchesElasticsearchsFourteenDaysAndPointsToBigQueryAndCloudTraceForOlderTraces() {
        Map<String, Object> ui = UiConfigRenderer.uiConfig(StackHarness.config("prod"));

        assertThat(ui.get("search")).isEqualTo(Map.of("maxLookback", Map.of("label", "14 Days", "value", "336h")));
        assertThat(ui.get("menu")).isEqualTo(List.of(Map.of("label", "Older than 14 days", "items", List.of(
                Map.of("label", "BigQuery traces.otel_traces: 90 days",
                        "url", "https://console.cloud.google.com/bigquery?project=dta-cloud-de-prod"),
                Map.of("label", "Cloud Trace: 30 days",
                        "url", "https://console.cloud.google.com/traces/list?project=dta-cloud-de-prod")))));
    }

    @Test
    void stageSearchesTheStacksRetention() {
        assertThat(UiConfigRenderer.uiConfig(StackHarness.config("stage")).get("search"))
                .isEqualTo(Map.of("maxLookback", Map.of("label", "14 Days", "value", "336h")));
    }
}
