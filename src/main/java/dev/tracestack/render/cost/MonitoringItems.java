package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.Driver.FIXED;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.render.monitoring.AlertPolicies;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.ServiceObjectiveGroups;
import dev.tracestack.render.monitoring.ServiceObjectiveGroups.Group;
import dev.tracestack.render.monitoring.ServiceObjectiveGroups.Sli;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloud Monitoring and Logging: the span metrics and collector self-telemetry the collector writes (priced
 * by bytes ingested, which share one free allotment), the alert policies' conditions and the series their
 * queries return, and the stack's container logs, which the log-based metric reads.
 */
final class MonitoringItems {

    /** The label the per-service alert conditions group by. */
    private static final String SERVICE_LABEL = "service_name";
    /** What one pod of the stack logs a day at info level: a stated guess. */
    static final double LOG_MIB_PER_POD_DAY = 10;

    private MonitoringItems() {
    }

    static List<LineItem> of(CostContext ctx) {
        List<LineItem> items = new ArrayList<>();
        CollectorMetrics metrics = CollectorMetrics.of(ctx.config());
        double pointBytes = ctx.book().rule("monitoring.scalarPointBytes");
        double distributionBytes = ctx.book().rule("monitoring.distributionPointBytes");
        double minutes = ctx.hoursPerMonth() * 60;
        double free = ctx.book().price("monitoring.ingestion").free();
        if (metrics.spanMetricSeries() > 0) {
            // calls is a sum (one scalar point), duration a histogram (one distribution point), every flush.
            double mib = metrics.spanMetricSeries() * minutes / metrics.spanMetricFlushMinutes()
                    * (pointBytes + distributionBytes) / (1 << 20);
            Map<String, Object> inputs = new LinkedHashMap<>(metrics.spanMetricInputs());
            inputs.put("pointsPerSeriesPerMonth", minutes / metrics.spanMetricFlushMinutes());
            Charge charge = ctx.charge("monitoring.ingestion", mib, Math.min(free, mib));
            free -= charge.free();
            items.add(LineItem.of("monitoring.span-metrics", "Cloud Monitoring: span metrics (calls, duration)",
                    FIXED, List.of(charge), inputs));
        }
        double selfMib = (metrics.selfScalarSeries() * pointBytes + metrics.selfDistributionSeries()
                * distributionBytes) * minutes / metrics.selfIntervalMinutes() / (1 << 20);
        items.add(LineItem.of("monitoring.collector-self", "Cloud Monitoring: the collector's own otelcol_ metrics",
                FIXED, List.of(ctx.charge("monitoring.ingestion", selfMib, Math.min(free, selfMib))),
                metrics.selfInputs()));
        items.add(alerting(ctx));
        items.add(logging(ctx));
        return items;
    }

    /**
     * Every condition is charged a month; its query returns a series per group every execution. A per-service
     * condition returns one per service of its group (services sharing a team and an objective), so each
     * indicator's conditions together return one per service, however many objectives split them.
     */
    private static LineItem alerting(CostContext ctx) {
        StackConfig config = ctx.config();
        int conditions = 0;
        double seriesPerExecution = 0;
        for (AlertPolicy policy : AlertPolicies.of(config).values()) {
            for (Condition condition : policy.conditions()) {
                conditions++;
                seriesPerExecution += perService(condition) ? 0 : 1;
            }
        }
        int others = config.cost().services() - config.services().size();
        for (Sli sli : Sli.values()) {
            for (List<Group> team : ServiceObjectiveGroups.of(config, sli).values()) {
                for (Group group : team) {
                    seriesPerExecution += group.services().size() + (group.stackWide() ? others : 0);
                }
            }
        }
        double executions = ctx.hoursPerMonth() * ctx.book().rule("monitoring.alertExecutionsPerHour");
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("conditions", conditions);
        inputs.put("seriesPerExecution", seriesPerExecution);
        inputs.put("executionsPerMonth", executions);
        return LineItem.of("monitoring.alerting", "Cloud Monitoring: alert conditions and the series they read",
                FIXED, List.of(ctx.charge("monitoring.alertCondition", conditions),
                        ctx.charge("monitoring.alertTimeSeries", seriesPerExecution * executions / 1e6)), inputs);
    }

    /** Whether a condition is grouped by service; the others return one series (a few per label at most). */
    static boolean perService(Condition condition) {
        List<Aggregation> aggregations = condition.conditionThreshold() != null
                ? condition.conditionThreshold().aggregations() : condition.conditionAbsent().aggregations();
        return aggregations.stream().flatMap(a -> a.groupByFields().stream())
                .anyMatch(field -> field.endsWith(SERVICE_LABEL));
    }

    private static LineItem logging(CostContext ctx) {
        int pods = Workloads.of(ctx.config(), ctx.hoursPerMonth()).stream().mapToInt(Workloads.Workload::replicas)
                .sum();
        double gib = pods * LOG_MIB_PER_POD_DAY * ctx.daysPerMonth() / 1024;
        return LineItem.of("logging.container-logs", "Cloud Logging: the stack's container logs", FIXED,
                List.of(ctx.charge("logging.ingestion", gib)),
                Map.of("pods", pods, "mibPerPodPerDay", LOG_MIB_PER_POD_DAY));
    }
}
