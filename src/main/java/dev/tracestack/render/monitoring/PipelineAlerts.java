package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold.above;
import static dev.tracestack.render.monitoring.Filters.equal;
import static dev.tracestack.render.monitoring.Filters.metric;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts on what fails silently after the collector: the BigQuery subscription falling behind or dead-lettering,
 * the cross-region copy failing, Elasticsearch's snapshots failing and its health turning red. Pub/Sub's and the
 * Data Transfer Service's are Google built-in metrics; Elasticsearch exports none to Cloud Monitoring, so its two
 * come from log-based metrics ({@link LogMetrics}) over the logs GKE already ships, rather than an exporter
 * workload and a scrape. Thresholds and durations follow the strictness level like the others.
 */
final class PipelineAlerts {

    /** One policy: its id, title, severity, documentation and conditions. */
    record Alert(String id, String title, String severity, String documentation, List<Condition> conditions) {
    }

    static final Duration BACKLOG_AGE = Duration.ofMinutes(30);
    static final double UNDELIVERED_MESSAGES = 10_000;
    static final Duration FOR = Duration.ofMinutes(10);
    /** A count alert fires on the first minute that holds one: the shortest duration the stack's alerts use. */
    private static final String AT_ONCE = "60s";
    private static final Aggregation MAX = new Aggregation("60s", "ALIGN_MAX", "REDUCE_MAX", List.of());
    private static final Aggregation COUNT_PER_HOUR = new Aggregation("3600s", "ALIGN_SUM", "REDUCE_SUM", List.of());

    private PipelineAlerts() {
    }

    static List<Alert> of(StackConfig config) {
        double factor = switch (config.alerts().strictness()) {
            case LENIENT -> 2;
            case NORMAL -> 1;
            case STRICT -> 0.5;
        };
        String lasting = AlertPolicies.seconds(Duration.ofMinutes((long) Math.ceil(FOR.toMinutes() * factor)));
        List<Alert> alerts = new ArrayList<>();
        if (config.exporters().bigQuery()) {
            TraceSinkSpec sinks = TraceSinkSpec.of(config);
            String subscription = equal("resource.label.subscription_id", sinks.subscription());
            double ageSeconds = BACKLOG_AGE.toSeconds() * factor;
            alerts.add(new Alert("bigquery-backlog", "BigQuery subscription falling behind", "ERROR",
                    AlertDocs.doc("The BigQuery subscription " + sinks.subscription() + " has messages older than "
                                    + AlertPolicies.plain(ageSeconds / 60) + " minutes, or more than "
                                    + AlertPolicies.plain(UNDELIVERED_MESSAGES * factor) + " undelivered.",
                            List.of("Check the subscription's BigQuery errors in Cloud Logging (schema, permissions).",
                                    "Check that the Pub/Sub service agent may still write " + sinks.rawTable() + ".")),
                    List.of(Condition.threshold("oldest unacknowledged message older than "
                                    + AlertPolicies.plain(ageSeconds) + " s",
                                    above(metric(MetricCatalog.PUBSUB_BACKLOG_AGE, subscription), MAX,
                                            ageSeconds, lasting)),
                            Condition.threshold("more than " + AlertPolicies.plain(UNDELIVERED_MESSAGES * factor)
                                            + " undelivered messages",
                                    above(metric(MetricCatalog.PUBSUB_UNDELIVERED, subscription), MAX,
                                            UNDELIVERED_MESSAGES * factor, lasting)))));
            alerts.add(new Alert("dead-letters", "spans dead-lettered", "ERROR",
                    AlertDocs.doc("BigQuery rejected messages " + sinks.maxDeliveryAttempts() + " times; they are in "
                                    + sinks.deadLetterSubscription() + ".",
                            List.of("Pull a dead letter and compare it with the raw table's schema.")),
                    List.of(Condition.threshold("messages forwarded to " + sinks.deadLetterTopic(),
                            above(metric(MetricCatalog.PUBSUB_DEAD_LETTERS, subscription),
                                    COUNT_PER_HOUR, 0, AT_ONCE)))));
            sinks.backup().ifPresent(backup -> alerts.add(new Alert("backup-failed", "BigQuery backup run failed",
                    "ERROR", AlertDocs.doc("A run of the backup's extract of yesterday's partition, its cross-region "
                                    + "copy or its dated snapshot did not succeed.",
                            List.of("Open the transfer's run history in " + sinks.location() + " (extract) or "
                                    + backup.location() + " (copy, snapshot) for the error.")),
                    List.of(Condition.threshold("a transfer run in " + sinks.location() + " or " + backup.location()
                                    + " did not succeed",
                            above(metric(MetricCatalog.TRANSFER_RUNS,
                                    "resource.label.location=one_of(\"" + sinks.location() + "\", \""
                                            + backup.location() + "\")",
                                    "metric.label.completion_state!=\"SUCCEEDED\""), COUNT_PER_HOUR, 0, AT_ONCE))))));
        }
        if (config.jaeger().enabled()) {
            alerts.add(new Alert("elasticsearch-red", "Elasticsearch cluster red", "CRITICAL",
                    AlertDocs.doc("Elasticsearch logged a change of its cluster health to red: a primary shard is "
                                    + "unassigned and spans written to it are refused.",
                            List.of("`GET _cluster/allocation/explain` as an operator (break-glass: docs/security.md).")),
                    List.of(Condition.threshold("cluster health changed to red",
                            above(metric(MetricCatalog.ELASTICSEARCH_RED), COUNT_PER_HOUR, 0, AT_ONCE)))));
        }
        if (config.elasticsearch().snapshots().enabled() && config.jaeger().enabled()) {
            alerts.add(new Alert("snapshot-failed", "Elasticsearch snapshot failed", "ERROR",
                    AlertDocs.doc("The snapshot lifecycle policy logged a failure.",
                            List.of("`GET _slm/policy` as an operator shows the last failure.",
                                    "Check the nodes' access to the snapshot bucket (Workload Identity).")),
                    List.of(Condition.threshold("snapshot lifecycle failures",
                            above(metric(MetricCatalog.SLM_FAILURES), COUNT_PER_HOUR, 0, AT_ONCE)))));
        }
        return alerts;
    }
}
