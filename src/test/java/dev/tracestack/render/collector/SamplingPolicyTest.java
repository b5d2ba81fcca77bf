package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.collector.SamplingPolicy.TraceClass;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Effective keep rate per trace class with OR-ed, nested policies (the tables in docs/collector.md): the stack's
 * rates, and a trace's services' own rates, the highest of which applies.
 */
class SamplingPolicyTest {

    private static final TraceClass ORDINARY = new TraceClass(false, false);
    private static final TraceClass ERROR = new TraceClass(true, false);
    private static final TraceClass SLOW = new TraceClass(false, true);
    private static final TraceClass SLOW_ERROR = new TraceClass(true, true);

    private static List<Double> keepRates(String stack, Set<String> services) {
        List<SamplingPolicy> policies = SamplingPolicies.of(StackHarness.config(stack));
        return List.of(ORDINARY, ERROR, SLOW, SLOW_ERROR).stream()
                .map(c -> SamplingPolicy.keepRate(policies, new TraceClass(c.error(), c.slow(), services))).toList();
    }

    @Test
    void devKeepsTenPercentOfOrdinaryHalfOfErrorAndThirtyPercentOfSlowTraces() {
        assertThat(keepRates("dev", Set.of())).containsExactly(0.1, 0.5, 0.3, 0.5);
    }

    @Test
    void stageKeepsThirtyPercentOfOrdinaryHalfOfErrorAndThirtyPercentOfSlowTraces() {
        assertThat(keepRates("stage", Set.of())).containsExactly(0.3, 0.5, 0.3, 0.5);
    }

    @Test
    void prodKeepsEveryTrace() {
        assertThat(keepRates("prod", Set.of())).containsExactly(1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void stageKeepsEveryTraceOfItsCriticalService() {
        assertThat(keepRates("stage", Set.of("critical-service"))).containsExactly(1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void stageKeepsOnePercentOfItsBatchServicesOrdinaryTracesAndItsErrorsAndSlowTracesByTheStacksRules() {
        assertThat(keepRates("stage", Set.of("batch-service"))).containsExactly(0.01, 0.5, 0.3, 0.5);
    }

    @Test
    void aTraceThroughTheBatchServiceAndAServiceWithoutARateOfItsOwnKeepsTheHigherStackRate() {
        // A service with settings of its own among the trace's services, and one (checkout) without: the
        // stack's policies apply through checkout. Listing only the former models a trace that also touched
        // services the stack knows nothing of; the Unlisted scope counts those as the stack's.
        SamplingPolicy.Scope stack = SamplingPolicies.of(StackHarness.config("stage")).stream()
                .filter(p -> p.name().equals("default")).findFirst().orElseThrow().scope();

        assertThat(stack.includes(Set.of("batch-service", "checkout"))).isTrue();
        assertThat(stack.includes(Set.of("batch-service"))).isFalse();
    }

    @Test
    void aClassRateBelowTheDefaultRateIsLiftedToTheDefaultBecausePoliciesAreOred() {
        List<SamplingPolicy> policies = SamplingPolicies.of(StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:sampling", "{\"defaultRate\":0.2,\"errorRate\":0.05,\"slowRate\":0.1}"))));
        assertThat(SamplingPolicy.keepRate(policies, ERROR)).isEqualTo(0.2);
        assertThat(SamplingPolicy.keepRate(policies, SLOW)).isEqualTo(0.2);
    }

    @Test
    void percentagesCarryNoBinaryNoise() {
        assertThat(SamplingPolicy.percent(0.3)).isEqualTo(30.0);
        assertThat(SamplingPolicy.percent(0.07)).isEqualTo(7.0);
    }
}
