package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.AlertPolicies.percent;
import static dev.tracestack.render.monitoring.AlertPolicies.plain;
import static dev.tracestack.render.monitoring.AlertPolicies.rate;
import static dev.tracestack.render.monitoring.AlertPolicies.seconds;
import static dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold.above;
import static dev.tracestack.render.monitoring.Filters.*;
import static dev.tracestack.render.monitoring.MetricCatalog.SPAN_CALLS;
import static dev.tracestack.render.monitoring.MetricCatalog.SPAN_DURATION;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.ServiceGroups;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.ServiceObjectiveGroups.Group;
import dev.tracestack.render.monitoring.ServiceObjectiveGroups.Sli;
import dev.tracestack.wire.ServiceAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-service alert policies, error rate and P95 latency: for each, one policy for the stack's channels and
 * one per team with services, each grouped by {@code service.name} so that an incident names the service, with
 * one condition per group of services sharing an objective ({@link ServiceObjectiveGroups}). Where services have
 * objectives or teams, a condition filters on the labels the gateway gives their span metrics, never on a list
 * of names: a filter has at most 2,048 characters and a policy at most six conditions.
 */
final class ServiceObjectivePolicies {

    static final String ERROR_RATE = "error-rate";
    static final String LATENCY = "latency-p95";

    private ServiceObjectivePolicies() {
    }

    /** The policy id of an indicator for a team ({@code none}: the stack's own policy). */
    static String id(String base, String team) {
        return team.equals(ServiceAttributes.NO_TEAM) ? base : base + "-" + team;
    }

    /** Adds a team's two policies, if it has services ({@code none}: the stack's, which always has). */
    static void add(StackConfig config, AlertThresholds t, AlertDocs docs, AlertPolicies.Policies policies,
                    String team) {
        boolean labelled = ServiceGroups.labelled(config.services());
        String ofTeam = team.equals(ServiceAttributes.NO_TEAM) ? "" : ", team " + team;
        List<Group> errorGroups = ServiceObjectiveGroups.of(config, Sli.ERROR_RATE).getOrDefault(team, List.of());
        if (!errorGroups.isEmpty()) {
            List<Condition> conditions = new ArrayList<>();
            errorGroups.forEach(g -> conditions.add(errorRate(config, g, t, labelled)));
            policies.add(id(ERROR_RATE, team), "trace error rate high" + ofTeam, "ERROR", docs.errorRate(t, labelled),
                    conditions, team);
        }
        List<Group> latencyGroups = ServiceObjectiveGroups.of(config, Sli.LATENCY).getOrDefault(team, List.of());
        if (!latencyGroups.isEmpty()) {
            List<Condition> conditions = new ArrayList<>();
            latencyGroups.forEach(g -> conditions.add(latency(config, g, t, labelled)));
            policies.add(id(LATENCY, team), "P95 latency high" + ofTeam, "WARNING", docs.latency(t, labelled),
                    conditions, team);
        }
    }

    private static Condition errorRate(StackConfig config, Group group, AlertThresholds t, boolean labelled) {
        double threshold = group.objective().map(p -> p / 100).orElse(t.maxErrorRate());
        String[] clauses = clauses(config, group, Sli.ERROR_RATE, labelled);
        String[] errors = new String[clauses.length + 1];
        errors[0] = equal(STATUS_CODE, STATUS_ERROR);
        System.arraycopy(clauses, 0, errors, 1, clauses.length);
        return Condition.threshold("error calls / calls above " + percent(threshold) + " per service"
                        + whose(group, labelled),
                above(metric(SPAN_CALLS, errors), rate(SERVICE), threshold, seconds(t.errorRateFor()))
                        .over(metric(SPAN_CALLS, clauses)));
    }

    private static Condition latency(StackConfig config, Group group, AlertThresholds t, boolean labelled) {
        double threshold = group.objective().orElse(t.maxP95LatencyMs());
        return Condition.threshold("P95 span duration above " + plain(threshold) + " ms per service"
                        + whose(group, labelled),
                above(metric(SPAN_DURATION, clauses(config, group, Sli.LATENCY, labelled)), AlertPolicies.P95_PER_SERVICE,
                        threshold, seconds(t.latencyFor())));
    }

    /**
     * The clauses that select the spans of a group's services an objective is about: the objective's span kinds,
     * then the labels of the group's services (none where no service has an objective or a team).
     */
    private static String[] clauses(StackConfig config, Group group, Sli sli, boolean labelled) {
        String kinds = spanKinds(config.alerts().objectiveSpanKinds());
        if (!labelled) {
            return new String[] {kinds};
        }
        return new String[] {kinds, equal(label(ServiceAttributes.TEAM), group.team()),
                equal(label(sli.attribute()), group.label())};
    }

    private static String whose(Group group, boolean labelled) {
        if (!labelled) {
            return "";
        }
        return group.objective().isPresent() ? " (services with this objective of their own)"
                : " (services with the stack's objective)";
    }
}
