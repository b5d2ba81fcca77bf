package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sampler's policies from the services' own rates: one per distinct rate, whatever the number of services,
 * and the marks that keep the stack's policies to the traces of services without a rate of their own.
 */
class SamplingPoliciesTest {

    private static StackConfig stage(String services) {
        return StackConfigParser.parse(StackHarness.withOverrides("stage", Map.of(ConfigKeys.SERVICES, services)));
    }

    private static CollectorConfig sampler(StackConfig config) {
        return CollectorConfigRenderer.config(config, CollectorTier.of(config).get(1));
    }

    @Test
    void servicesThatShareARateShareOnePolicyOfTheirNamesAndADraw() {
        // GIVEN three services at 5% and one at 50%
        StackConfig config = stage("{\"a\": {\"sampling\": {\"rate\": 0.05}}, \"b\": {\"sampling\": {\"rate\": 0.5}},"
                + " \"c\": {\"sampling\": {\"rate\": 0.05}}, \"d\": {\"sampling\": {\"rate\": 0.05}}}");

        // WHEN the sampler's policies are rendered
        List<SamplingPolicy> policies = SamplingPolicies.of(config);

        // THEN the stack's three and one per distinct rate, each listing its services
        assertThat(policies).extracting(SamplingPolicy::name)
                .containsExactly("errors", "slow", "default", "services-rate-5", "services-rate-50");
        assertThat(policies.get(3).scope()).isEqualTo(new SamplingPolicy.Listed(Set.of("a", "c", "d")));
        assertThat(policies.get(3).body(2000)).isEqualTo(Map.of("name", "services-rate-5", "type", "and",
                "and", Map.of("and_sub_policy", List.of(
                        Map.of("name", "services-rate-5-services", "type", "string_attribute",
                                "string_attribute", Map.of("key", "service.name", "values", List.of("a", "c", "d"))),
                        Map.of("name", "services-rate-5-draw", "type", "probabilistic",
                                "probabilistic", Map.of("sampling_percentage", 5.0))))));
    }

    @Test
    void theStackRateAppliesOnlyToTracesWithAServiceWithoutARateOfItsOwnMarkedBeforeTheDecisionAndClearedAfter() {
        // GIVEN stage, whose critical and batch services have rates of their own
        StackConfig config = StackHarness.config("stage");
        CollectorConfig sampler = sampler(config);

        // THEN a processor marks the spans of every other service, the default policy reads the mark, and a
        // processor after the decision removes it
        assertThat(sampler.service().pipelines().get("traces").processors()).containsExactly("memory_limiter",
                "attributes/stack-default", "tail_sampling", "attributes/stack-sampling-clear", "batch");
        assertThat(sampler.processors().get("attributes/stack-default")).isEqualTo(Map.of(
                "exclude", Map.of("match_type", "strict", "services", List.of("critical-service", "batch-service")),
                "actions", List.of(Map.of("key", "tracestack.sampling.stack_default", "value", true,
                        "action", "upsert"))));
        assertThat(sampler.processors().get("attributes/stack-sampling-clear")).isEqualTo(Map.of(
                "actions", List.of(Map.of("key", "tracestack.sampling.stack_default", "action", "delete"))));
        SamplingPolicy stack = SamplingPolicies.of(config).get(2);
        assertThat(stack.scope()).isEqualTo(new SamplingPolicy.Unlisted("tracestack.sampling.stack_default",
                Set.of("critical-service", "batch-service")));
    }

    @Test
    void aServicesOwnErrorRateGetsAnErrorPolicyAndKeepsTheStacksErrorPolicyFromItsTraces() {
        StackConfig config = stage("{\"payments\": {\"sampling\": {\"errorRate\": 1.0}}}");

        List<SamplingPolicy> policies = SamplingPolicies.of(config);

        assertThat(policies).extracting(SamplingPolicy::name).containsExactly("errors", "slow", "default",
                "services-errors-100");
        assertThat(policies.get(0).scope()).isInstanceOf(SamplingPolicy.Unlisted.class);
        assertThat(policies.get(1).scope()).isEqualTo(SamplingPolicy.Scope.EVERY);
        assertThat(sampler(config).processors()).containsKey("attributes/stack-errors")
                .doesNotContainKey("attributes/stack-default");
    }

    @Test
    void withoutServicesThePoliciesAreTheStacksThreeAndNothingIsMarked() {
        CollectorConfig sampler = sampler(StackHarness.config("dev"));

        assertThat(SamplingPolicies.of(StackHarness.config("dev"))).extracting(SamplingPolicy::scope)
                .containsOnly(SamplingPolicy.Scope.EVERY);
        assertThat(sampler.service().pipelines().get("traces").processors())
                .containsExactly("memory_limiter", "tail_sampling", "batch");
    }

    @Test
    void aServiceRateBelowOneMakesAStackThatKeepsEveryTraceRunTheSamplerTier() {
        // GIVEN prod, which keeps every trace, with a service at 10%
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("prod", Map.of(ConfigKeys.SERVICES,
                "{\"batch-service\": {\"sampling\": {\"rate\": 0.1}}}")));

        // THEN it gets the sampler tier, which alone can drop that service's traces
        assertThat(CollectorTier.of(config)).extracting(CollectorTier::role)
                .containsExactly(CollectorTier.Role.GATEWAY, CollectorTier.Role.SAMPLER);
        assertThat(CollectorTier.of(StackHarness.config("prod"))).hasSize(1);
    }
}
