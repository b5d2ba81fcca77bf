package dev.tracestack.render.monitoring;

import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the Cloud Monitoring API applies to an alert policy that its protos do not encode, so that a policy
 * it would refuse fails the plan instead of {@code pulumi up}. Pure: the policies in, the broken rules out.
 */
public final class MonitoringApiRules {

    /** https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies (AlertPolicy.conditions). */
    static final int MAX_CONDITIONS = 6;
    /** https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies (MetricAbsence.duration). */
    static final long MIN_ABSENCE_SECONDS = 120;
    /** https://cloud.google.com/monitoring/api/ref_v3/rest/v3/Aggregation (alignmentPeriod). */
    static final long MIN_ALIGNMENT_SECONDS = 60;

    private static final Pattern RESOURCE_TYPE = Pattern.compile("resource\\.type\\s*(!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern LABEL = Pattern.compile("\\b(metric|resource)\\.labels?\\.([A-Za-z0-9_]+)");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

    private MonitoringApiRules() {
    }

    /**
     * Fails naming every broken rule, each with the stack, policy, condition and rule.
     *
     * @param stack    the stack the policies are rendered for
     * @param policies the policies by id
     */
    public static void require(String stack, Map<String, AlertPolicy> policies) {
        List<String> problems = check(policies).stream().map(problem -> stack + ": " + problem).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("alert policies the Cloud Monitoring API would refuse:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Every broken rule, each naming the policy and condition. */
    static List<String> check(Map<String, AlertPolicy> policies) {
        List<String> problems = new ArrayList<>();
        policies.forEach((id, policy) -> {
            String where = "alert policy " + id;
            int count = policy.conditions() == null ? 0 : policy.conditions().size();
            // "A policy can have from one to six conditions" (AlertPolicy.conditions).
            if (count < 1 || count > MAX_CONDITIONS) {
                problems.add(where + ": has " + count + " conditions, the API allows 1 to " + MAX_CONDITIONS);
            }
            // "combiner: How to combine the results of multiple conditions" is required with more than one:
            // COMBINE_UNSPECIFIED is refused then (AlertPolicy.combiner).
            if (count > 1 && (policy.combiner() == null || policy.combiner().equals("COMBINE_UNSPECIFIED"))) {
                problems.add(where + ": has " + count + " conditions and no combiner (AND, OR or "
                        + "AND_WITH_MATCHING_RESOURCE)");
            }
            for (int i = 0; i < count; i++) {
                Condition condition = policy.conditions().get(i);
                checkCondition(where + ", condition \"" + condition.displayName() + "\"", condition, problems);
            }
        });
        return problems;
    }

    private static void checkCondition(String where, Condition condition, List<String> problems) {
        if (condition.conditionThreshold() != null) {
            var threshold = condition.conditionThreshold();
            checkFilter(where, "filter", threshold.filter(), threshold.aggregations(), problems);
            if (threshold.denominatorFilter() != null) {
                checkFilter(where, "denominatorFilter", threshold.denominatorFilter(),
                        threshold.denominatorAggregations(), problems);
            }
            // "only values that are a multiple of a minute--e.g., 0, 60, 120, or 300 seconds--are supported"
            // (MetricThreshold.duration).
            checkDuration(where, threshold.duration(), 0, problems);
        } else if (condition.conditionAbsent() != null) {
            var absence = condition.conditionAbsent();
            checkFilter(where, "filter", absence.filter(), absence.aggregations(), problems);
            // "The minimum value of this field is 120 seconds. Larger values that are a multiple of a minute
            // ... are supported" (MetricAbsence.duration).
            checkDuration(where, absence.duration(), MIN_ABSENCE_SECONDS, problems);
        } else {
            problems.add(where + ": sets neither conditionThreshold nor conditionAbsent");
        }
    }

    /**
     * The filter restricts {@code resource.type} (the API: "must specify a restriction on "resource.type" in the
     * filter"; https://cloud.google.com/monitoring/api/v3/filters), to the type its metric is written with, and
     * names only labels that metric and resource type have; each aggregation's alignment period is whole seconds,
     * at least 60, and its group-by fields are labels of the metric or resource.
     */
    private static void checkFilter(String where, String field, String filter, List<Aggregation> aggregations,
                                    List<String> problems) {
        String at = where + ", " + field;
        Set<String> types = MetricCatalog.typesIn(filter);
        if (types.size() != 1) {
            problems.add(at + ": names " + types.size() + " metric types, a condition reads one: " + filter);
            return;
        }
        String type = types.iterator().next();
        MetricCatalog.Metric metric = MetricCatalog.find(type).orElse(null);
        if (metric == null) {
            problems.add(at + ": metric type " + type + " is not in the MetricCatalog (nothing writes it)");
            return;
        }
        Set<String> restricted = new LinkedHashSet<>();
        Matcher matcher = RESOURCE_TYPE.matcher(filter);
        while (matcher.find()) {
            if (matcher.group(1).equals("=")) {
                restricted.add(matcher.group(2));
            }
        }
        if (restricted.isEmpty()) {
            problems.add(at + ": has no resource.type restriction, which the API requires; " + type
                    + " is written with resource.type=\"" + metric.resourceType() + "\"");
        } else if (!restricted.equals(Set.of(metric.resourceType()))) {
            problems.add(at + ": restricts resource.type to " + restricted + " but " + type
                    + " is written with resource.type=\"" + metric.resourceType() + "\", so it selects nothing");
        }
        List<String> labels = new ArrayList<>();
        Matcher label = LABEL.matcher(filter);
        while (label.find()) {
            labels.add(label.group(0));
        }
        for (Aggregation aggregation : aggregations == null ? List.<Aggregation>of() : aggregations) {
            checkAlignment(at, aggregation.alignmentPeriod(), problems);
            if (aggregation.groupByFields() != null) {
                labels.addAll(aggregation.groupByFields());
            }
        }
        for (String name : labels) {
            checkLabel(at, metric, name, problems);
        }
    }

    private static void checkLabel(String at, MetricCatalog.Metric metric, String name, List<String> problems) {
        Matcher matcher = LABEL.matcher(name);
        if (!matcher.matches()) {
            problems.add(at + ": " + name + " is not a metric.label or resource.label field");
            return;
        }
        boolean ofMetric = matcher.group(1).equals("metric");
        Set<String> known = ofMetric ? Set.copyOf(metric.labels())
                : MonitoredResources.LABELS.getOrDefault(metric.resourceType(), Set.of());
        if (!known.contains(matcher.group(2))) {
            problems.add(at + ": " + name + " is not a label of " + (ofMetric ? metric.type()
                    : "resource type " + metric.resourceType()) + " (it has " + new TreeSet<>(known) + ")");
        }
    }

    private static void checkAlignment(String at, String period, List<String> problems) {
        Long seconds = seconds(period);
        // "The value must be at least 60 seconds" (Aggregation.alignmentPeriod).
        if (seconds == null || seconds < MIN_ALIGNMENT_SECONDS) {
            problems.add(at + ": alignment period " + period + " must be whole seconds of at least "
                    + MIN_ALIGNMENT_SECONDS + "s");
        }
    }

    private static void checkDuration(String where, String duration, long minimum, List<String> problems) {
        Long seconds = seconds(duration);
        if (seconds == null || seconds % 60 != 0 || seconds < minimum) {
            problems.add(where + ": duration " + duration + " must be a whole number of minutes"
                    + (minimum > 0 ? " of at least " + minimum + "s" : ""));
        }
    }

    private static Long seconds(String duration) {
        if (duration == null) {
            return null;
        }
        Matcher matcher = SECONDS.matcher(duration);
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : null;
    }
}
