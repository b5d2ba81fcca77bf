package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricAbsence;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Monitoring API's rules the protos do not encode, on every stack's policies and on each bad path. */
class MonitoringApiRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyStacksPoliciesKeepTheApisRules(String stack) {
        Map<String, AlertPolicy> policies = AlertPolicies.of(StackHarness.config(stack));

        assertThat(MonitoringApiRules.check(policies)).isEmpty();
        policies.values().forEach(policy -> policy.conditions().forEach(condition -> {
            String filter = condition.conditionThreshold() != null ? condition.conditionThreshold().filter()
                    : condition.conditionAbsent().filter();
            String type = MetricCatalog.typesIn(filter).iterator().next();
            assertThat(filter).as(condition.displayName())
                    .contains("resource.type=\"" + MetricCatalog.find(type).orElseThrow().resourceType() + "\"");
        }));
    }

    @Test
    void theRenderRefusesAConditionOnAResourceTypeItsMetricIsNotWrittenWith() {
        Map<String, AlertPolicy> prod = broken("error-rate", 0, threshold -> new MetricThreshold(
                threshold.filter().replace("generic_node", "k8s_container"), threshold.aggregations(),
                threshold.denominatorFilter(), threshold.denominatorAggregations(), threshold.comparison(),
                threshold.thresholdValue(), threshold.duration(), threshold.trigger(),
                threshold.evaluationMissingData()));

        Map<String, AlertPolicy> policies = new LinkedHashMap<>(AlertPolicies.of(StackHarness.config("prod")));
        policies.putAll(prod);

        assertThatThrownBy(() -> MonitoringRenderer.render(StackHarness.config("prod"), policies))
                .hasMessageContaining("prod: alert policy error-rate, condition \"error calls / calls above 2.5% "
                        + "per service (services with the stack's objective)\", filter: restricts resource.type to "
                        + "[k8s_container] but workload.googleapis.com/traces.span.metrics.calls is written with "
                        + "resource.type=\"generic_node\", so it selects nothing");
    }

    @Test
    void aFilterWithoutAResourceTypeIsRefusedAsTheApiRefusesIt() {
        Map<String, AlertPolicy> prod = absence("collector-down", null);

        assertThat(MonitoringApiRules.check(prod)).containsExactly("alert policy collector-down, condition \"no "
                + "collector self-telemetry for 3 min\", filter: has no resource.type restriction, which the API "
                + "requires; workload.googleapis.com/otelcol_process_uptime is written with "
                + "resource.type=\"generic_task\"");
    }

    @Test
    void aDenominatorFilterIsCheckedLikeTheFilter() {
        Map<String, AlertPolicy> prod = broken("error-rate", 0, threshold -> threshold.over(
                threshold.denominatorFilter().replace(" AND resource.type=\"generic_node\"", "")));

        assertThat(MonitoringApiRules.check(prod)).singleElement().asString()
                .contains("denominatorFilter: has no resource.type restriction");
    }

    @Test
    void durationsMustBeWholeMinutesAndAnAbsenceAtLeastTwo() {
        Map<String, AlertPolicy> threshold = broken("span-loss", 0, t -> new MetricThreshold(t.filter(),
                t.aggregations(), null, List.of(), t.comparison(), t.thresholdValue(), "90s", t.trigger(), null));
        Map<String, AlertPolicy> absence = absence("collector-down", "60s");

        assertThat(MonitoringApiRules.check(threshold)).singleElement().asString()
                .endsWith("duration 90s must be a whole number of minutes");
        assertThat(MonitoringApiRules.check(absence)).singleElement().asString()
                .endsWith("duration 60s must be a whole number of minutes of at least 120s");
    }

    @Test
    void alignmentPeriodsMustBeAtLeastAMinute() {
        Map<String, AlertPolicy> prod = broken("span-loss", 0, t -> new MetricThreshold(t.filter(),
                List.of(new Aggregation("30s", "ALIGN_RATE", "REDUCE_SUM", List.of())), null, List.of(),
                t.comparison(), t.thresholdValue(), t.duration(), t.trigger(), null));

        assertThat(MonitoringApiRules.check(prod)).singleElement().asString()
                .endsWith("alignment period 30s must be whole seconds of at least 60s");
    }

    @Test
    void labelsMustBeOnesTheMetricOrItsResourceTypeHas() {
        Map<String, AlertPolicy> prod = broken("span-loss", 0, t -> new MetricThreshold(
                t.filter() + " AND resource.label.pod_name=\"x\"",
                List.of(new Aggregation("60s", "ALIGN_RATE", "REDUCE_SUM", List.of("metric.label.exporterr"))),
                null, List.of(), t.comparison(), t.thresholdValue(), t.duration(), t.trigger(), null));

        assertThat(MonitoringApiRules.check(prod)).containsExactly(
                "alert policy span-loss, condition \"spans refused by a receiver above 0.5/s\", filter: "
                        + "resource.label.pod_name is not a label of resource type generic_task (it has [job, "
                        + "location, namespace, project_id, task_id])",
                "alert policy span-loss, condition \"spans refused by a receiver above 0.5/s\", filter: "
                        + "metric.label.exporterr is not a label of workload.googleapis.com/otelcol_receiver_refused_spans "
                        + "(it has [receiver, service_instance_id, service_name, service_version, transport])");
    }

    @Test
    void aPolicyHasOneToSixConditionsAndACombinerWhenItHasMore() {
        AlertPolicy spanLoss = AlertPolicies.of(StackHarness.config("prod")).get("span-loss");
        List<Condition> seven = IntStream.range(0, 7).mapToObj(i -> spanLoss.conditions().get(0)).toList();

        assertThat(MonitoringApiRules.check(Map.of("span-loss", withConditions(spanLoss, List.of(), "OR"))))
                .containsExactly("alert policy span-loss: has 0 conditions, the API allows 1 to 6");
        assertThat(MonitoringApiRules.check(Map.of("span-loss", withConditions(spanLoss, seven, "OR"))))
                .containsExactly("alert policy span-loss: has 7 conditions, the API allows 1 to 6");
        assertThat(MonitoringApiRules.check(Map.of("span-loss",
                withConditions(spanLoss, spanLoss.conditions(), null))))
                .containsExactly("alert policy span-loss: has 2 conditions and no combiner (AND, OR or "
                        + "AND_WITH_MATCHING_RESOURCE)");
    }

    /** Prod's policy with one threshold condition changed. */
    private static Map<String, AlertPolicy> broken(String id, int index, UnaryOperator<MetricThreshold> change) {
        AlertPolicy policy = AlertPolicies.of(StackHarness.config("prod")).get(id);
        List<Condition> conditions = new ArrayList<>(policy.conditions());
        Condition condition = conditions.get(index);
        conditions.set(index, Condition.threshold(condition.displayName(), change.apply(condition.conditionThreshold())));
        return Map.of(id, withConditions(policy, conditions, policy.combiner()));
    }

    /** Prod's policy whose one absence condition has another duration, or (null) no resource type. */
    private static Map<String, AlertPolicy> absence(String id, String duration) {
        AlertPolicy policy = AlertPolicies.of(StackHarness.config("prod")).get(id);
        Condition condition = policy.conditions().get(0);
        MetricAbsence absence = condition.conditionAbsent();
        MetricAbsence changed = duration != null
                ? new MetricAbsence(absence.filter(), absence.aggregations(), duration, absence.trigger())
                : new MetricAbsence(absence.filter().replaceAll(" AND resource\\.type=\"[a-z_]+\"", ""),
                        absence.aggregations(), absence.duration(), absence.trigger());
        return Map.of(id, withConditions(policy, List.of(Condition.absent(condition.displayName(), changed)),
                policy.combiner()));
    }

    private static AlertPolicy withConditions(AlertPolicy policy, List<Condition> conditions, String combiner) {
        return new AlertPolicy(policy.displayName(), policy.documentation(), policy.userLabels(), conditions,
                combiner, policy.alertStrategy(), policy.severity(), policy.notificationChannels());
    }
}
