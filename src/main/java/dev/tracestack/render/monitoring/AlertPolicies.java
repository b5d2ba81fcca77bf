package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.Filters.*;
import static dev.tracestack.render.monitoring.MetricCatalog.*;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertStrategy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricAbsence;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold;
import dev.tracestack.render.monitoring.AlertPolicyModel.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stack's alert policies, from its config and its strictness level's {@link AlertThresholds}. */
public final class AlertPolicies {

    static final String ONE_MINUTE = "60s";
    private static final Trigger ANY_SERIES = new Trigger(1);

    private AlertPolicies() {
    }

    /** The policies by id; the id names the Pulumi resource and the runbook page, and never the environment. */
    public static Map<String, AlertPolicy> of(StackConfig config) {
        AlertThresholds t = AlertThresholds.of(config.alerts());
        AlertDocs docs = new AlertDocs(config);
        Policies policies = new Policies(config, docs);
        policies.add("ingestion-stopped", "span ingestion stopped", "CRITICAL", docs.ingestion(t), ingestion(config, t));
        policies.add("error-rate", "trace error rate high", "ERROR", docs.errorRate(t), List.of(new Condition(
                "error calls / calls above " + percent(t.maxErrorRate()) + " per service",
                new MetricThreshold(metric(SPAN_CALLS, equal("metric.label.status_code", STATUS_ERROR)),
                        List.of(rate(SERVICE)), metric(SPAN_CALLS), List.of(rate(SERVICE)),
                        "COMPARISON_GT", t.maxErrorRate(), seconds(t.errorRateFor()), ANY_SERIES, null),
                null)));
        policies.add("latency-p95", "P95 latency high", "WARNING", docs.latency(t), List.of(new Condition(
                "P95 span duration above " + (long) t.maxP95LatencyMs() + " ms per service",
                new MetricThreshold(metric(SPAN_DURATION),
                        List.of(new Aggregation("300s", "ALIGN_DELTA", "REDUCE_PERCENTILE_95", List.of(SERVICE))),
                        null, List.of(), "COMPARISON_GT", t.maxP95LatencyMs(), seconds(t.latencyFor()),
                        ANY_SERIES, null),
                null)));
        policies.add("collector-down", "collector down", "CRITICAL", docs.collectorDown(t), List.of(new Condition(
                "no collector self-telemetry for " + t.collectorAbsentFor().toMinutes() + " min",
                null,
                // Summed over all instances: a rollout replaces instances without the whole tier going dark.
                new MetricAbsence(metric(UPTIME), List.of(new Aggregation(ONE_MINUTE, "ALIGN_RATE", "REDUCE_SUM",
                        List.of())), seconds(t.collectorAbsentFor()), ANY_SERIES))));
        policies.add("span-loss", "spans refused or dropped", "WARNING", docs.spanLoss(t), List.of(
                lossCondition("spans refused by a receiver", REFUSED_SPANS, RECEIVER, t),
                lossCondition("spans dropped on a full exporter queue", ENQUEUE_FAILED_SPANS, EXPORTER, t)));
        policies.add("exporter-failures", "exporter send failures", "ERROR", docs.exporterFailures(t), List.of(
                lossCondition("spans an exporter failed to send", SEND_FAILED_SPANS, EXPORTER, t)));
        if (config.jaeger().enabled()) {
            policies.add("storage-errors", "Elasticsearch storage errors", "CRITICAL", docs.storageErrors(t),
                    List.of(new Condition("Jaeger storage errors", new MetricThreshold(metric(JAEGER_STORAGE_ERRORS),
                            List.of(new Aggregation(ONE_MINUTE, "ALIGN_RATE", "REDUCE_SUM", List.of())),
                            null, List.of(), "COMPARISON_GT", 0, seconds(t.storageErrorsFor()), ANY_SERIES, null),
                            null)));
        }
        return policies.byId();
    }

    /** Accepted spans per hour; where Cloud Trace is on, also what it ingested (after head sampling). */
    private static List<Condition> ingestion(StackConfig config, AlertThresholds t) {
        Aggregation perHour = new Aggregation("3600s", "ALIGN_DELTA", "REDUCE_SUM", List.of());
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition("collector accepted fewer than " + (long) t.minSpansPerHour() + " spans/hour",
                // With no data at all the ingestion has stopped too: missing data counts as violating.
                new MetricThreshold(metric(ACCEPTED_SPANS), List.of(perHour), null, List.of(), "COMPARISON_LT",
                        t.minSpansPerHour(), seconds(t.ingestionFor()), ANY_SERIES, "EVALUATION_MISSING_DATA_ACTIVE"),
                null));
        if (config.exporters().cloudTrace()) {
            double sampled = Math.ceil(t.minSpansPerHour() * config.sampling().defaultRate());
            conditions.add(new Condition("Cloud Trace ingested fewer than " + (long) sampled + " spans/hour",
                    new MetricThreshold(metric(CLOUD_TRACE_SPANS), List.of(perHour), null, List.of(),
                            "COMPARISON_LT", sampled, seconds(t.ingestionFor()), ANY_SERIES,
                            "EVALUATION_MISSING_DATA_ACTIVE"),
                    null));
        }
        return conditions;
    }

    private static Condition lossCondition(String what, String type, String groupBy, AlertThresholds t) {
        return new Condition(what + " above " + plain(t.maxLostSpansPerSecond()) + "/s",
                new MetricThreshold(metric(type), List.of(rate(groupBy)), null, List.of(), "COMPARISON_GT",
                        t.maxLostSpansPerSecond(), seconds(t.lossFor()), ANY_SERIES, null),
                null);
    }

    static Aggregation rate(String groupBy) {
        return new Aggregation(ONE_MINUTE, "ALIGN_RATE", "REDUCE_SUM", List.of(groupBy));
    }

    /** Collects policies in order, each with its environment, labels, auto-close and runbook link. */
    private record Policies(StackConfig config, AlertDocs docs, Map<String, AlertPolicy> byId) {

        Policies(StackConfig config, AlertDocs docs) {
            this(config, docs, new LinkedHashMap<>());
        }

        void add(String id, String title, String severity, String documentation, List<Condition> conditions) {
            String env = config.environment().id();
            byId.put(id, new AlertPolicy("Tracing: " + title + " (" + env + ")",
                    AlertPolicyModel.Documentation.markdown(docs.withRunbook(id, documentation)),
                    Map.of("environment", env, "severity", severity.toLowerCase(Locale.ROOT),
                            "managed-by", "tracestack"),
                    conditions, "OR", new AlertStrategy(seconds(AlertThresholds.AUTO_CLOSE)), severity, List.of()));
        }
    }

    static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }

    static String percent(double share) {
        return plain(BigDecimal.valueOf(share).movePointRight(2).doubleValue()) + "%";
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
