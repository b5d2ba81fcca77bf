package dev.tracestack.render.monitoring;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-based metrics {@code TracingMonitoring} creates, for signals no metric carries: Jaeger v2 reports
 * failed Elasticsearch writes only in its logs and its own (unexported) telemetry, and Elasticsearch reports a
 * red cluster and failed snapshots only in its logs (no exporter runs beside it).
 */
public final class LogMetrics {

    /** The metric's name; its type is {@code logging.googleapis.com/user/<name>}. */
    public static final String STORAGE_ERRORS = "tracestack-jaeger-storage-errors";
    public static final String ELASTICSEARCH_RED = "tracestack-elasticsearch-red";
    public static final String SLM_FAILURES = "tracestack-elasticsearch-snapshot-failures";

    /**
     * A counter of matching log entries.
     *
     * @param name        the metric name
     * @param description what it counts
     * @param filter      the Cloud Logging filter of the counted entries
     */
    public record LogMetric(String name, String description, String filter) {
    }

    private LogMetrics() {
    }

    /** Jaeger's error log lines that mention Elasticsearch; none where Jaeger is off. */
    public static List<LogMetric> of(StackConfig config) {
        if (!config.jaeger().enabled()) {
            return List.of();
        }
        String filter = String.join("\n",
                "resource.type=\"k8s_container\"",
                "resource.labels.namespace_name=\"" + config.kubernetes().namespace() + "\"",
                "resource.labels.pod_name=~\"^(" + WellKnownNames.JAEGER_COLLECTOR_SERVICE + "|"
                        + WellKnownNames.JAEGER_QUERY_SERVICE + ")-\"",
                // Jaeger logs JSON through zap: the level is a field of the payload, not always the severity.
                "(severity>=ERROR OR jsonPayload.level=\"error\")",
                "(jsonPayload.msg=~\"(?i)elasticsearch\" OR jsonPayload.error=~\"(?i)elasticsearch\")");
        List<LogMetric> metrics = new ArrayList<>(List.of(new LogMetric(STORAGE_ERRORS,
                "Jaeger errors writing to or reading from Elasticsearch (" + config.environment().id() + ")", filter)));
        // Elasticsearch logs ECS JSON; GKE puts it in jsonPayload ("log.level", "message").
        String nodes = String.join("\n",
                "resource.type=\"k8s_container\"",
                "resource.labels.namespace_name=\"" + config.kubernetes().namespace() + "\"",
                "resource.labels.container_name=\"elasticsearch\"");
        metrics.add(new LogMetric(ELASTICSEARCH_RED, "Elasticsearch cluster health changed to red ("
                + config.environment().id() + ")", nodes + "\njsonPayload.message=~\"Cluster health status changed "
                + "from \\\\[[A-Z]+\\\\] to \\\\[RED\\\\]\""));
        if (config.elasticsearch().snapshots().enabled()) {
            metrics.add(new LogMetric(SLM_FAILURES, "Elasticsearch snapshot lifecycle failures ("
                    + config.environment().id() + ")", nodes + "\n(severity>=WARNING OR jsonPayload.\"log.level\"=("
                    + "\"WARN\" OR \"ERROR\"))\njsonPayload.message=~\"(?i)snapshot lifecycle policy \\\\["
                    + JaegerIndices.SLM_POLICY_NAME + "\\\\]\""));
        }
        return List.copyOf(metrics);
    }
}
