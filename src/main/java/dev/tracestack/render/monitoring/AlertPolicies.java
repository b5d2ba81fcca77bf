package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold.above;
import static dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold.belowOrMissing;
import static dev.tracestack.render.monitoring.Filters.*;
import static dev.tracestack.render.monitoring.MetricCatalog.*;

import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.ServiceAttributes;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertStrategy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricAbsence;
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

    static final Aggregation SUM_PER_HOUR = new Aggregation("3600s", "ALIGN_DELTA", "REDUCE_SUM", List.of());
    static final Aggregation RATE_TOTAL = new Aggregation("60s", "ALIGN_RATE", "REDUCE_SUM", List.of());
    /** The latency alert's view, which the overview dashboard draws under the alert's threshold line. */
    static final Aggregation P95_PER_SERVICE =
            new Aggregation("300s", "ALIGN_DELTA", "REDUCE_PERCENTILE_95", List.of(SERVICE));

    private AlertPolicies() {
    }

    /** The policies by id; the id names the Pulumi resource and the runbook page, and never the environment. */
    public static Map<String, AlertPolicy> of(StackConfig config) {
        return build(config).byId();
    }

    /** The team each team's policy notifies, by policy id; every other policy notifies the stack's channels. */
    public static Map<String, String> teams(StackConfig config) {
        return build(config).teams();
    }

    private static Policies build(StackConfig config) {
        AlertThresholds t = AlertThresholds.of(config.alerts());
        AlertDocs docs = new AlertDocs(config);
        Policies policies = new Policies(config, docs);
        String stack = ServiceAttributes.NO_TEAM;
        policies.add("ingestion-stopped", "span ingestion stopped", "CRITICAL", docs.ingestion(t), ingestion(config, t));
        ServiceObjectivePolicies.add(config, t, docs, policies, stack);
        policies.add("collector-down", "collector down", "CRITICAL", docs.collectorDown(t), List.of(Condition.absent(
                "no collector self-telemetry for " + t.collectorAbsentFor().toMinutes() + " min",
                // Summed over all instances: a rollout replaces instances without the whole tier going dark.
                new MetricAbsence(metric(UPTIME), List.of(RATE_TOTAL), seconds(t.collectorAbsentFor()),
                        new Trigger(1)))));
        policies.add("span-loss", "spans refused or dropped", "WARNING", docs.spanLoss(t), List.of(
                loss("spans refused by a receiver", REFUSED_SPANS, RECEIVER, t),
                loss("spans dropped on a full exporter queue", ENQUEUE_FAILED_SPANS, EXPORTER, t)));
        policies.add("exporter-failures", "exporter send failures", "ERROR", docs.exporterFailures(t), List.of(
                loss("spans an exporter failed to send", SEND_FAILED_SPANS, EXPORTER, t)));
        if (config.jaeger().enabled()) {
            policies.add("storage-errors", "Elasticsearch storage errors", "CRITICAL", docs.storageErrors(t),
                    List.of(Condition.threshold("Jaeger storage errors",
                            above(metric(JAEGER_STORAGE_ERRORS), RATE_TOTAL, 0, seconds(t.storageErrorsFor())))));
        }
        PipelineAlerts.of(config).forEach(alert -> policies.add(alert.id(), alert.title(), alert.severity(),
                alert.documentation(), alert.conditions()));
        config.alerts().teams().keySet().forEach(team -> ServiceObjectivePolicies.add(config, t, docs, policies, team));
        return policies;
    }

    /** Accepted spans per hour; where Cloud Trace is on, also what it ingested (after head sampling). */
    private static List<Condition> ingestion(StackConfig config, AlertThresholds t) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.threshold(
                "collector accepted fewer than " + plain(t.minSpansPerHour()) + " spans/hour",
                belowOrMissing(metric(ACCEPTED_SPANS), SUM_PER_HOUR, t.minSpansPerHour(), seconds(t.ingestionFor()))));
        if (config.exporters().cloudTrace()) {
            double sampled = Math.ceil(t.minSpansPerHour() * config.sampling().defaultRate());
            conditions.add(Condition.threshold("Cloud Trace ingested fewer than " + plain(sampled) + " spans/hour",
                    belowOrMissing(metric(CLOUD_TRACE_SPANS), SUM_PER_HOUR, sampled, seconds(t.ingestionFor()))));
        }
        return conditions;
    }

    private static Condition loss(String what, String type, String groupBy, AlertThresholds t) {
        return Condition.threshold(what + " above " + plain(t.maxLostSpansPerSecond()) + "/s",
                above(metric(type), rate(groupBy), t.maxLostSpansPerSecond(), seconds(t.lossFor())));
    }

    /** Per-second rate over a minute, summed per value of one label. */
    static Aggregation rate(String groupBy) {
        return new Aggregation("60s", "ALIGN_RATE", "REDUCE_SUM", List.of(groupBy));
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

    /**
     * Collects policies in order, each with its environment, labels, auto-close and runbook link, and the team
     * each team's policy notifies.
     */
    record Policies(StackConfig config, AlertDocs docs, Map<String, AlertPolicy> byId, Map<String, String> teams) {

        Policies(StackConfig config, AlertDocs docs) {
            this(config, docs, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        void add(String id, String title, String severity, String documentation, List<Condition> conditions) {
            add(id, title, severity, documentation, conditions, ServiceAttributes.NO_TEAM);
        }

        void add(String id, String title, String severity, String documentation, List<Condition> conditions,
                 String team) {
            String env = config.environment().id();
            Map<String, String> labels = new LinkedHashMap<>(Map.of("environment", env,
                    "severity", severity.toLowerCase(Locale.ROOT), "managed-by", "tracestack"));
            if (!team.equals(ServiceAttributes.NO_TEAM)) {
                labels.put("team", team);
                teams.put(id, team);
            }
            byId.put(id, new AlertPolicy("Tracing: " + title + " (" + env + ")",
                    AlertPolicyModel.Documentation.markdown(docs.withRunbook(id, documentation)), labels,
                    conditions, "OR", new AlertStrategy(seconds(AlertThresholds.AUTO_CLOSE)), severity, List.of()));
        }
    }
}
