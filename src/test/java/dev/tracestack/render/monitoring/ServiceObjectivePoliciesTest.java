package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-service error rate and latency policies: the stack's, and one per team, with a condition per group of
 * services sharing an objective, each filtered by the labels the gateway puts on their span metrics.
 */
class ServiceObjectivePoliciesTest {

    private static final String SERVER_OR_CONSUMER =
            "metric.label.span_kind=one_of(\"SPAN_KIND_SERVER\",\"SPAN_KIND_CONSUMER\")";

    private static MetricThreshold threshold(AlertPolicy policy, int condition) {
        return policy.conditions().get(condition).conditionThreshold();
    }

    @Test
    void prodHoldsItsCriticalServiceToItsOwnObjectivesAndEveryOtherToTheStacks() {
        Map<String, AlertPolicy> prod = AlertPolicies.of(StackHarness.config("prod"));

        AlertPolicy latency = prod.get("latency-p95");
        assertThat(latency.conditions()).extracting(c -> c.conditionThreshold().thresholdValue())
                .containsExactly(1000.0, 500.0);
        assertThat(threshold(latency, 0).filter()).isEqualTo("metric.type=\"" + MetricCatalog.SPAN_DURATION
                + "\" AND resource.type=\"generic_node\" AND " + SERVER_OR_CONSUMER + " AND metric.label.tracestack_team=\"none\""
                + " AND metric.label.tracestack_slo_latency_p95_ms=\"default\"");
        assertThat(threshold(latency, 1).filter()).endsWith("metric.label.tracestack_slo_latency_p95_ms=\"500\"");
        assertThat(latency.conditions().get(1).displayName())
                .isEqualTo("P95 span duration above 500 ms per service (services with this objective of their own)");
        MetricThreshold errors = threshold(prod.get("error-rate"), 1);
        assertThat(errors.thresholdValue()).isEqualTo(0.01);
        assertThat(errors.denominatorFilter()).isEqualTo("metric.type=\"" + MetricCatalog.SPAN_CALLS
                + "\" AND resource.type=\"generic_node\" AND " + SERVER_OR_CONSUMER + " AND metric.label.tracestack_team=\"none\""
                + " AND metric.label.tracestack_slo_error_rate_percent=\"1\"");
        assertThat(AlertPolicies.teams(StackHarness.config("prod"))).isEmpty();
    }

    @Test
    void eachTeamWithServicesGetsItsOwnPoliciesNotifyingIt() {
        StackConfig config = StackConfigParser.parse(ServiceFleet.withFleet(StackHarness.source("stage"), 10));
        Map<String, AlertPolicy> policies = AlertPolicies.of(config);

        AlertPolicy latency = policies.get("latency-p95-search");
        assertThat(latency.displayName()).isEqualTo("Tracing: P95 latency high, team search (stage)");
        assertThat(latency.userLabels()).containsEntry("team", "search");
        assertThat(threshold(latency, 0).filter()).contains("metric.label.tracestack_team=\"search\"");
        assertThat(AlertPolicies.teams(config)).containsEntry("latency-p95-search", "search")
                .containsEntry("error-rate-checkout", "checkout").hasSize(6);
    }

    @Test
    void aStackWhoseServicesHaveNoObjectiveOrTeamFiltersOnNoLabel() {
        assertThat(threshold(AlertPolicies.of(StackHarness.config("stage")).get("latency-p95"), 0).filter())
                .isEqualTo("metric.type=\"" + MetricCatalog.SPAN_DURATION + "\" AND resource.type=\"generic_node\" AND "
                        + SERVER_OR_CONSUMER);
    }

    @Test
    void teamlessServicesWithOwnObjectivesShareOneConditionPerObjective() {
        // GIVEN two teamless services at 300 ms and one at 800 ms
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("stage", Map.of(ConfigKeys.SERVICES,
                "{\"a\": {\"slo\": {\"latencyP95Ms\": 300}}, \"b\": {\"slo\": {\"latencyP95Ms\": 800}}, "
                        + "\"c\": {\"slo\": {\"latencyP95Ms\": 300}}}")));

        // THEN the stack's latency policy has the stack's objective and one condition per distinct own one
        assertThat(AlertPolicies.of(config).get("latency-p95").conditions())
                .extracting(c -> c.conditionThreshold().thresholdValue()).containsExactly(2000.0, 300.0, 800.0);
    }

    @Test
    void latencyAndErrorRateAreThoseOfTheSpansOfTheConfiguredKinds() {
        for (String stack : new String[] {"dev", "stage", "prod"}) {
            Map<String, AlertPolicy> policies = AlertPolicies.of(StackHarness.config(stack));
            MetricThreshold errors = threshold(policies.get("error-rate"), 0);

            assertThat(threshold(policies.get("latency-p95"), 0).filter()).as(stack).contains(SERVER_OR_CONSUMER);
            assertThat(errors.filter()).as(stack).contains(SERVER_OR_CONSUMER);
            assertThat(errors.denominatorFilter()).as(stack).contains(SERVER_OR_CONSUMER);
        }
        var clients = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:alerts", "{\"objectiveSpanKinds\":[\"client\"]}")));
        assertThat(threshold(AlertPolicies.of(clients).get("latency-p95"), 0).filter())
                .contains("metric.label.span_kind=one_of(\"SPAN_KIND_CLIENT\")");
    }
}
