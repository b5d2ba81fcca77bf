package dev.tracestack.render.cost;

import dev.tracestack.config.ConfigOverrides;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.testing.StackHarness;
import java.util.List;

/** A real stack's config or estimate with {@code --set} assignments applied, for the cost tests. */
final class Estimates {

    private Estimates() {
    }

    static StackConfig config(String stack, String... assignments) {
        return StackConfigParser.parse(ConfigOverrides.apply(StackHarness.source(stack), List.of(assignments)));
    }

    static CostEstimate of(String stack, String... assignments) {
        return CostEstimator.estimate(config(stack, assignments));
    }
}
