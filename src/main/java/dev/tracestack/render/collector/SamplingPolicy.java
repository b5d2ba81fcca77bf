package dev.tracestack.render.collector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code tail_sampling} policy: traces of its scope that match {@code condition} are kept with probability
 * {@code rate}. Every probabilistic policy hashes the trace id with the same (default) salt, so the decisions
 * are nested: a trace kept at 10% is also kept at 30%. With OR-ed policies a trace's keep rate is therefore
 * the highest rate among the policies it matches (see {@link #keepRate}).
 *
 * @param name      the policy name in the rendered config
 * @param condition which traces the policy looks at
 * @param scope     whose traces: every trace, those of listed services, or those of services without a rate
 * @param rate      the fraction of those traces it keeps, in [0, 1]
 */
public record SamplingPolicy(String name, Condition condition, Scope scope, double rate) {

    /** What a policy matches. */
    public enum Condition { ERROR, SLOW, ANY }

    /** Whose traces a policy looks at. */
    public sealed interface Scope {
        /** Every trace. */
        Scope EVERY = new Every();

        /** Whether a trace of these services is in scope; no services: only services without settings of their own. */
        boolean includes(Set<String> services);
    }

    /** Every trace. */
    public record Every() implements Scope {
        @Override
        public boolean includes(Set<String> services) {
            return true;
        }
    }

    /** The traces a listed service takes part in: {@code string_attribute} on {@code service.name}, an exact set. */
    public record Listed(Set<String> services) implements Scope {

        /** The services in the order written, looked up as a set (a fleet's list is long). */
        public Listed {
            services = Collections.unmodifiableSet(new LinkedHashSet<>(services));
        }

        @Override
        public boolean includes(Set<String> traceServices) {
            return traceServices.stream().anyMatch(services::contains);
        }
    }

    /**
     * The traces a service takes part in that has no rate of its own for the condition: the sampler's
     * {@code attributes} processor marks those services' spans with {@code tag} (an exact set), and
     * {@code boolean_attribute} reads the mark.
     */
    public record Unlisted(String tag, Set<String> excluded) implements Scope {

        public Unlisted {
            excluded = Collections.unmodifiableSet(new LinkedHashSet<>(excluded));
        }

        @Override
        public boolean includes(Set<String> traceServices) {
            return traceServices.isEmpty() || !excluded.containsAll(traceServices);
        }
    }

    /**
     * A class of traces by the properties the policies look at.
     *
     * @param services the services the trace takes part in that have settings of their own; empty: none has
     */
    public record TraceClass(boolean error, boolean slow, Set<String> services) {

        /** A trace of services without settings of their own. */
        public TraceClass(boolean error, boolean slow) {
            this(error, slow, Set.of());
        }
    }

    /** The fraction of a trace class kept by OR-ed, nested policies: the highest rate that applies. */
    public static double keepRate(List<SamplingPolicy> policies, TraceClass traces) {
        return policies.stream().filter(p -> p.matches(traces)).mapToDouble(SamplingPolicy::rate).max().orElse(0);
    }

    boolean matches(TraceClass traces) {
        boolean condition = switch (this.condition) {
            case ERROR -> traces.error();
            case SLOW -> traces.slow();
            case ANY -> true;
        };
        return condition && scope.includes(traces.services());
    }

    /** The policy's body: a probabilistic draw, AND-ed with its scope and condition where they narrow it. */
    Map<String, Object> body(int slowThresholdMs) {
        List<Object> all = new ArrayList<>();
        if (scope instanceof Listed listed) {
            all.add(Body.of("name", name + "-services", "type", "string_attribute",
                    "string_attribute", Body.of("key", "service.name", "values", List.copyOf(listed.services()))));
        } else if (scope instanceof Unlisted unlisted) {
            all.add(Body.of("name", name + "-services", "type", "boolean_attribute",
                    "boolean_attribute", Body.of("key", unlisted.tag(), "value", true)));
        }
        switch (condition) {
            case ERROR -> all.add(Body.of("name", name + "-match", "type", "status_code",
                    "status_code", Body.of("status_codes", List.of("ERROR"))));
            case SLOW -> all.add(Body.of("name", name + "-match", "type", "latency",
                    "latency", Body.of("threshold_ms", slowThresholdMs)));
            case ANY -> { }
        }
        if (all.isEmpty()) {
            return draw(name);
        }
        all.add(draw(name + "-draw"));
        return Body.of("name", name, "type", "and", "and", Body.of("and_sub_policy", all));
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
