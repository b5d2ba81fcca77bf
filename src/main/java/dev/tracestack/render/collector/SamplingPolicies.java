package dev.tracestack.render.collector;

import dev.tracestack.config.SamplingSettings;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.ServiceGroups;
import dev.tracestack.render.collector.SamplingPolicy.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sampler tier's policies, from the stack's rates and the services' own. A trace is kept at the highest
 * rate among the services it takes part in, each at its own rate or, without one, the stack's. Per trace
 * class (ordinary, error, slow):
 * <ul>
 *   <li>services that share a rate share one policy: the {@code and} of {@code string_attribute} on
 *       {@code service.name} with their list, the class's condition and a {@code probabilistic} draw; so the
 *       policies grow with the distinct rates, not with the services;</li>
 *   <li>the stack's policy keeps the class at the stack's rate where the trace has a service without a rate of
 *       its own for the class. Where some service has one, an {@code attributes} processor before
 *       {@code tail_sampling} marks the spans of every other service (an exact set, {@code exclude.services})
 *       and {@code boolean_attribute} reads the mark; a processor after it removes the marks.</li>
 * </ul>
 */
public final class SamplingPolicies {

    /** The marks, one per class that some service rates itself, and the processors that set them. */
    private record ClassRule(Condition condition, String name, String tag, double stackRate,
                             Function<ServiceSettings, Optional<Double>> own) {
    }

    static final String CLEAR = "attributes/stack-sampling-clear";

    private SamplingPolicies() {
    }

    /** Every policy the sampler evaluates, the stack's first, then one per class and distinct service rate. */
    public static List<SamplingPolicy> of(StackConfig config) {
        List<SamplingPolicy> policies = new ArrayList<>();
        for (ClassRule rule : rules(config.sampling())) {
            List<String> own = ServiceGroups.having(config.services(), rule.own()::apply);
            SamplingPolicy.Scope scope = own.isEmpty() ? SamplingPolicy.Scope.EVERY
                    : new SamplingPolicy.Unlisted(rule.tag(), new LinkedHashSet<>(own));
            policies.add(new SamplingPolicy(rule.name(), rule.condition(), scope, rule.stackRate()));
        }
        for (ClassRule rule : rules(config.sampling())) {
            ServiceGroups.by(config.services(), rule.own()).forEach((rate, services) -> policies.add(new SamplingPolicy(
                    "services-" + (rule.condition() == Condition.ANY ? "rate" : rule.name()) + "-"
                            + ServiceGroups.plain(SamplingPolicy.percent(rate)),
                    rule.condition(), new SamplingPolicy.Listed(new LinkedHashSet<>(services)), rate)));
        }
        return List.copyOf(policies);
    }

    /** The processors that mark the spans the stack's policies look at, by id, in pipeline order; may be empty. */
    static Map<String, Object> marks(StackConfig config) {
        Map<String, Object> processors = new LinkedHashMap<>();
        for (SamplingPolicy policy : of(config)) {
            if (policy.scope() instanceof SamplingPolicy.Unlisted unlisted) {
                processors.put("attributes/stack-" + policy.name(), Body.of(
                        "exclude", Body.of("match_type", "strict", "services", List.copyOf(unlisted.excluded())),
                        "actions", List.of(Body.of("key", unlisted.tag(), "value", true, "action", "upsert"))));
            }
        }
        return processors;
    }

    /** The processor that removes the marks after the decision, so no backend stores them; empty without marks. */
    static Optional<Map<String, Object>> clear(StackConfig config) {
        List<Object> actions = new ArrayList<>();
        of(config).stream().filter(p -> p.scope() instanceof SamplingPolicy.Unlisted)
                .forEach(p -> actions.add(Body.of("key", ((SamplingPolicy.Unlisted) p.scope()).tag(),
                        "action", "delete")));
        return actions.isEmpty() ? Optional.empty() : Optional.of(Body.of("actions", actions));
    }

    private static List<ClassRule> rules(SamplingSettings s) {
        return List.of(
                new ClassRule(Condition.ERROR, "errors", "tracestack.sampling.stack_errors", s.errorRate(),
                        service -> service.sampling().errorRate()),
                new ClassRule(Condition.SLOW, "slow", "tracestack.sampling.stack_slow", s.slowRate(),
                        service -> service.sampling().slowRate()),
                new ClassRule(Condition.ANY, "default", "tracestack.sampling.stack_default", s.defaultRate(),
                        service -> service.sampling().rate()));
    }
}
