package dev.tracestack.component;

import static dev.tracestack.testing.PlanAssert.assertThatPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.util.JsonFormat;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.monitoring.MonitoringRenderer;
import dev.tracestack.testing.StackHarness;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * stage with a generated fleet of 1,000 services, each with its own rates, objectives and team, against the same
 * stack with 10: what a thousand services cost the stack is what their distinct settings cost, never one
 * resource, policy or condition per service.
 */
class ServiceFleetGraphTest {

    private static Plan ten;
    private static Plan thousand;

    @BeforeAll
    static void planBothFleets() {
        ten = plan(10);
        thousand = plan(1_000);
    }

    private static Plan plan(int services) {
        return PlanEngine.plan(StackConfigParser.parse(ServiceFleet.withFleet(StackHarness.source("stage"), services)));
    }

    @Test
    void aThousandServicesRegisterExactlyTheResourcesOfTen() {
        assertThat(thousand.config().services().size()).isEqualTo(1_000);
        assertThat(thousand.resources()).extracting(PlannedResource::key)
                .containsExactlyElementsOf(ten.resources().stream().map(PlannedResource::key).toList());
        assertThatPlan(thousand).resourceCountIs("gcp:monitoring/alertPolicy:AlertPolicy",
                ten.count("gcp:monitoring/alertPolicy:AlertPolicy"));
    }

    @Test
    void theSamplerHasOnePolicyPerDistinctRateOfEachTraceClassBesidesTheStacksThree() throws Exception {
        JsonNode policies = Artifacts.YAML.readTree(thousand.rendered().file("collector/sampler.yaml"))
                .at("/processors/tail_sampling/policies");
        StackConfig config = thousand.config();

        long distinct = distinct(config, s -> s.sampling().rate()) + distinct(config, s -> s.sampling().errorRate())
                + distinct(config, s -> s.sampling().slowRate());
        assertThat(distinct).isEqualTo(4 + 1 + 1);
        assertThat(policies).hasSize((int) (3 + distinct));
    }

    @Test
    void theAlertConditionsAreOnePerTeamAndDistinctObjectiveOfEachIndicator() throws Exception {
        JsonNode policies = Artifacts.JSON.readTree(thousand.rendered().file(MonitoringRenderer.ALERT_POLICIES));
        StackConfig config = thousand.config();

        assertThat(conditions(policies, "latency-p95")).isEqualTo(groups(config,
                s -> s.slo().latencyP95Ms().map(Integer::doubleValue)));
        assertThat(conditions(policies, "error-rate")).isEqualTo(groups(config, s -> s.slo().errorRatePercent()));
        // Three teams with three latency and two error rate objectives each, and the stack's own for the rest.
        assertThat(conditions(policies, "latency-p95") + conditions(policies, "error-rate")).isEqualTo(3 * 3 + 3 * 2 + 2);
    }

    @Test
    void everyAlertPolicyIsAValidMonitoringPolicyWithShortFiltersAndAtMostSixConditions() throws Exception {
        JsonNode policies = Artifacts.JSON.readTree(thousand.rendered().file(MonitoringRenderer.ALERT_POLICIES));

        for (Map.Entry<String, JsonNode> policy : policies.properties()) {
            var builder = com.google.monitoring.v3.AlertPolicy.newBuilder();
            JsonFormat.parser().merge(Artifacts.JSON.writeValueAsString(policy.getValue()), builder);
            var parsed = builder.build();

            assertThat(parsed.getConditionsCount()).as(policy.getKey()).isBetween(1, 6);
            for (var condition : parsed.getConditionsList()) {
                // The Monitoring API refuses a filter over 2,048 characters (google/monitoring/v3/alert.proto).
                assertThat(condition.getConditionThreshold().getFilter()).as(condition.getDisplayName())
                        .hasSizeLessThanOrEqualTo(2048).doesNotContain(ServiceFleet.name(0));
                assertThat(condition.getConditionThreshold().getDenominatorFilter()).hasSizeLessThanOrEqualTo(2048);
            }
        }
    }

    /** The conditions of an indicator's policies, the stack's and the teams'. */
    private static int conditions(JsonNode policies, String indicator) {
        int count = 0;
        for (Map.Entry<String, JsonNode> policy : policies.properties()) {
            if (policy.getKey().equals(indicator) || policy.getKey().startsWith(indicator + "-")) {
                count += policy.getValue().path("conditions").size();
            }
        }
        return count;
    }

    /** Distinct (team, objective) pairs: a service without its own objective has the stack's (empty). */
    private static int groups(StackConfig config, Function<ServiceSettings, Optional<Double>> objective) {
        Set<List<Object>> groups = new HashSet<>();
        groups.add(List.of("none", Optional.empty()));
        config.services().services().forEach(s -> groups.add(List.of(s.team().orElse("none"), objective.apply(s))));
        return groups.size();
    }

    private static long distinct(StackConfig config, Function<ServiceSettings, Optional<Double>> rate) {
        return config.services().services().stream().map(rate).flatMap(Optional::stream)
                .collect(Collectors.toSet()).size();
    }
}
