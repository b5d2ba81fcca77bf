package dev.tracestack.render.collector;

import dev.tracestack.config.SamplingSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One {@code tail_sampling} policy: traces matching {@code condition} are kept with probability
 * {@code rate}. Every probabilistic policy hashes the trace id with the same (default) salt, so the
 * decisions are nested: a trace kept at 10% is also kept at 30%. With OR-ed policies a trace's keep
 * rate is therefore the highest rate among the policies it matches (see {@link #keepRate}).
 *
 * @param name      the policy name in the rendered config
 * @param condition which traces the policy looks at
 * @param rate      the fraction of those traces it keeps, in [0, 1]
 */
public record SamplingPolicy(String name, Condition condition, double rate) {

    /** What a policy matches. */
    public enum Condition { ERROR, SLOW, ANY }

    /** A class of traces by the two properties the policies look at. */
    public record TraceClass(boolean error, boolean slow) {
    }

    /** The policies for a stack's sampling settings: errors, slow traces, everything else. */
    public static List<SamplingPolicy> of(SamplingSettings s) {
        return List.of(new SamplingPolicy("errors", Condition.ERROR, s.errorRate()),
                new SamplingPolicy("slow", Condition.SLOW, s.slowRate()),
                new SamplingPolicy("default", Condition.ANY, s.defaultRate()));
    }

    /** The fraction of a trace class kept by OR-ed, nested policies: the highest rate that applies. */
    public static double keepRate(List<SamplingPolicy> policies, TraceClass traces) {
        return policies.stream().filter(p -> p.matches(traces)).mapToDouble(SamplingPolicy::rate).max().orElse(0);
    }

    boolean matches(TraceClass traces) {
        return switch (condition) {
            case ERROR -> traces.error();
            case SLOW -> traces.slow();
            case ANY -> true;
        };
    }

    /** The policy's body: a probabilistic draw, AND-ed with the condition unless it matches every trace. */
    Map<String, Object> body(int slowThresholdMs) {
        Map<String, Object> match = switch (condition) {
            case ERROR -> Body.of("name", name + "-match", "type", "status_code",
                    "status_code", Body.of("status_codes", List.of("ERROR")));
            case SLOW -> Body.of("name", name + "-match", "type", "latency",
                    "latency", Body.of("threshold_ms", slowThresholdMs));
            case ANY -> null;
        };
        if (match == null) {
            return draw(name);
        }
        return Body.of("name", name, "type", "and",
                "and", Body.of("and_sub_policy", List.of(match, draw(name + "-draw"))));
    }

    private Map<String, Object> draw(String policyName) {
        return Body.of("name", policyName, "type", "probabilistic",
                "probabilistic", Body.of("sampling_percentage", percent(rate)));
    }

    /** A rate as a percentage without binary noise (0.3 gives 30, not 30.000000000000004). */
    static double percent(double rate) {
        return BigDecimal.valueOf(rate).movePointRight(2).doubleValue();
    }
}
