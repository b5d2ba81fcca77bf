package dev.tracestack.render.jaeger;

import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jaeger UI's configuration file: the dependency graph (filled by the spark-dependencies job), a search
 * lookback no longer than the data Elasticsearch keeps (seed 004 §5.2), and a menu that says where the traces
 * older than that are: BigQuery for the stack's retention, Cloud Trace for its own fixed period.
 */
public final class UiConfigRenderer {

    /** Cloud Trace keeps spans 30 days, a period no config changes (https://cloud.google.com/trace/docs/quotas). */
    static final int CLOUD_TRACE_DAYS = 30;

    private UiConfigRenderer() {
    }

    public static Map<String, Object> uiConfig(StackConfig config) {
        int days = config.elasticsearchRetentionDays();
        Map<String, Object> ui = new LinkedHashMap<>();
        ui.put("dependencies", Map.of("menuEnabled", true));
        ui.put("search", Map.of("maxLookback", Map.of(
                "label", days + " Days",
                "value", days * 24 + "h")));
        List<Map<String, Object>> older = new ArrayList<>();
        String project = config.gcp().project();
        if (config.exporters().bigQuery()) {
            older.add(Map.of("label", "BigQuery traces.otel_traces: " + config.retentionDays() + " days",
                    "url", "https://console.cloud.google.com/bigquery?project=" + project));
        }
        if (config.exporters().cloudTrace()) {
            older.add(Map.of("label", "Cloud Trace: " + CLOUD_TRACE_DAYS + " days",
                    "url", "https://console.cloud.google.com/traces/list?project=" + project));
        }
        if (!older.isEmpty()) {
            ui.put("menu", List.of(Map.of("label", "Older than " + days + " days", "items", older)));
        }
        return ui;
    }
}
