package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.AlertPolicies.percent;
import static dev.tracestack.render.monitoring.AlertPolicies.plain;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.time.Duration;
import java.util.List;

/**
 * The documentation of each alert policy: what fired and what to check, from seed 004 §6.2 / §10.1 and
 * seed 000's troubleshooting steps, with a runbook link where the stack configures a runbook base URL.
 */
final class AlertDocs {

    private final StackConfig config;
    private final String namespace;

    AlertDocs(StackConfig config) {
        this.config = config;
        this.namespace = config.kubernetes().namespace();
    }

    String ingestion(AlertThresholds t) {
        return doc("Span ingestion has stopped or collapsed: fewer than " + plain(t.minSpansPerHour())
                        + " spans per hour for " + minutes(t.ingestionFor()) + ".",
                List.of("Check the OpenTelemetry Collector: `kubectl -n " + namespace + " get pods -l "
                                + "app.kubernetes.io/name=" + WellKnownNames.COLLECTOR_SERVICE + "` and its WARNING logs.",
                        "Check the applications' SDK setup: tracing initialised first, "
                                + "`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` pointing at " + WellKnownNames.COLLECTOR_SERVICE
                                + ":" + Ports.OTLP_GRPC + ".",
                        "Check the Google Cloud Trace service status and the collector's `cloudtrace.agent` role.",
                        "Check network paths and NetworkPolicies between the applications and the collector.",
                        "Escalation: call the development team if this is not resolved within 10 minutes."));
    }

    String errorRate(AlertThresholds t, boolean ownObjectives) {
        String limit = ownObjectives ? "its objective (the stack's " + percent(t.maxErrorRate()) + ", or its own "
                + "slo.errorRatePercent; the condition says which)" : percent(t.maxErrorRate());
        return doc("More than " + limit + " of one service's spans ended with status ERROR for "
                        + minutes(t.errorRateFor()) + " (span metrics: error calls / calls).",
                List.of("Open the service's error traces in Cloud Trace"
                                + (config.jaeger().enabled() ? " or the Jaeger UI" : "") + " and group them by span name.",
                        "Check recent deployments of that service and of its downstream dependencies.",
                        "Check the error summary query of the daily checklist (BigQuery `traces.otel_traces`)."));
    }

    String latency(AlertThresholds t, boolean ownObjectives) {
        String limit = ownObjectives ? "its objective (the stack's " + plain(t.maxP95LatencyMs()) + " ms, or its "
                + "own slo.latencyP95Ms; the condition says which)" : plain(t.maxP95LatencyMs()) + " ms";
        return doc("One service's P95 span duration has been above " + limit + " for "
                        + minutes(t.latencyFor()) + ".",
                List.of("Find the slowest operations of the service: slow traces are kept by tail sampling.",
                        "Check the service's dependencies (database queries, external calls) in those traces.",
                        "Check the service's CPU and memory for saturation."));
    }

    String collectorDown(AlertThresholds t) {
        return doc("No OpenTelemetry Collector has reported its own telemetry for "
                        + minutes(t.collectorAbsentFor()) + ": the collector is down or cannot "
                        + "write to Cloud Monitoring.",
                List.of("`kubectl -n " + namespace + " get pods,events` for the collector: crash loops, OOM kills, "
                                + "pending pods.",
                        "Check the health endpoint on :" + Ports.HEALTH_CHECK + " and zPages on :"
                                + Ports.ZPAGES + "/debug/tracez.",
                        "Check the collector's Workload Identity and its `monitoring.metricWriter` role."));
    }

    String spanLoss(AlertThresholds t) {
        return doc("The collector is losing spans: more than " + plain(t.maxLostSpansPerSecond())
                        + " spans per second refused by a receiver or dropped on a full sending queue for "
                        + minutes(t.lossFor()) + ".",
                List.of("Refused spans: the memory_limiter is refusing data; check memory use and limits.",
                        "Queue full: an exporter cannot keep up; check its send failures and queue size on the "
                                + "collector health dashboard.",
                        "`curl :" + Ports.COLLECTOR_METRICS + "/metrics | grep otelcol` shows the counters."));
    }

    String exporterFailures(AlertThresholds t) {
        return doc("An exporter failed to deliver more than " + plain(t.maxLostSpansPerSecond())
                        + " spans per second for " + minutes(t.lossFor()) + "; the `exporter` label "
                        + "names it (`googlecloud` Cloud Trace, `googlecloudpubsub` Pub/Sub, `otlp_grpc/jaeger` Jaeger).",
                List.of("otlp_grpc/jaeger: check the " + WellKnownNames.JAEGER_COLLECTOR_SERVICE + " Service and pods.",
                        "googlecloudpubsub: check that topic " + Names.tracesTopic(config.environment().id())
                                + " exists and the collector may publish to it.",
                        "googlecloud: check the Cloud Trace API quota and the collector's roles."));
    }

    String storageErrors(AlertThresholds t) {
        return doc("Jaeger has logged Elasticsearch storage errors for " + minutes(t.storageErrorsFor())
                        + ".",
                List.of("Check the cluster: `kubectl -n " + namespace + " get elasticsearch "
                                + WellKnownNames.ELASTICSEARCH_CLUSTER + "` (health, phase).",
                        "Check disk use of the Elasticsearch volumes and the ILM rollover of the span indices.",
                        "Check Jaeger's logs for the failing index and the storage connection test "
                                + "(`" + config.jaeger().underUiBasePath("/api/services") + "` on the query UI)."));
    }

    /** Appends the runbook link of a policy, where the stack configures a runbook base URL. */
    String withRunbook(String id, String content) {
        return config.alerts().runbookBaseUrl()
                .map(base -> content + "\nRunbook: " + base.replaceAll("/+$", "") + "/" + id + "\n")
                .orElse(content);
    }

    static String doc(String summary, List<String> steps) {
        StringBuilder text = new StringBuilder(summary).append("\n\nTroubleshooting:\n");
        for (int i = 0; i < steps.size(); i++) {
            text.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return text.toString();
    }

    /** "1 minute", "3 minutes": strict halves durations, so a single minute occurs. */
    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
