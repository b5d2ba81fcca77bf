package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.SamplingSettings;
import dev.tracestack.render.collector.SamplingPolicy.TraceClass;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Effective keep rate per trace class with OR-ed, nested policies (the table in docs/collector.md). */
class SamplingPolicyTest {

    private static final TraceClass ORDINARY = new TraceClass(false, false);
    private static final TraceClass ERROR = new TraceClass(true, false);
    private static final TraceClass SLOW = new TraceClass(false, true);
    private static final TraceClass SLOW_ERROR = new TraceClass(true, true);

    private static List<Double> keepRates(String stack) {
        List<SamplingPolicy> policies = SamplingPolicy.of(StackHarness.config(stack).sampling());
        return List.of(ORDINARY, ERROR, SLOW, SLOW_ERROR).stream()
                .map(c -> SamplingPolicy.keepRate(policies, c)).toList();
    }

    @Test
    void devKeepsTenPercentOfOrdinaryHalfOfErrorAndThirtyPercentOfSlowTraces() {
        assertThat(keepRates("dev")).containsExactly(0.1, 0.5, 0.3, 0.5);
    }

    @Test
    void stageKeepsThirtyPercentOfOrdinaryHalfOfErrorAndThirtyPercentOfSlowTraces() {
        assertThat(keepRates("stage")).containsExactly(0.3, 0.5, 0.3, 0.5);
    }

    @Test
    void prodKeepsEveryTrace() {
        assertThat(keepRates("prod")).containsExactly(1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void aClassRateBelowTheDefaultRateIsLiftedToTheDefaultBecausePoliciesAreOred() {
        List<SamplingPolicy> policies = SamplingPolicy.of(new SamplingSettings(0.2, 0.05, 0.1, 500));
        assertThat(SamplingPolicy.keepRate(policies, ERROR)).isEqualTo(0.2);
        assertThat(SamplingPolicy.keepRate(policies, SLOW)).isEqualTo(0.2);
    }

    @Test
    void percentagesCarryNoBinaryNoise() {
        assertThat(SamplingPolicy.percent(0.3)).isEqualTo(30.0);
        assertThat(SamplingPolicy.percent(0.07)).isEqualTo(7.0);
    }
}
