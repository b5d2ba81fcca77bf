package dev.tracestack.config;

import java.util.Optional;

/**
 * One service's own objectives ({@code tracestack:services.<name>.slo}): its alerts fire on these values, as
 * written, at every alert strictness, in place of the stack's {@code alerts} thresholds.
 *
 * @param latencyP95Ms     the P95 span duration the service must stay at or below, in milliseconds
 * @param errorRatePercent the share of its spans that may end in an error, in percent, in (0, 100]
 */
public record ServiceObjectives(Optional<Integer> latencyP95Ms, Optional<Double> errorRatePercent) {

    static ServiceObjectives read(ConfigSection section) {
        return new ServiceObjectives(section.integer("latencyP95Ms"), section.number("errorRatePercent"));
    }

    /** Whether the service has an objective of its own. */
    public boolean isSet() {
        return latencyP95Ms.isPresent() || errorRatePercent.isPresent();
    }

    void validate(ConfigOrigin service, StackConfigValidator.Rules rules) {
        latencyP95Ms.filter(ms -> ms <= 0).ifPresent(ms -> rules.add(service.problem("slo.latencyP95Ms",
                String.valueOf(ms), "must be greater than 0")));
        errorRatePercent.filter(p -> p <= 0 || p > 100).ifPresent(p -> rules.add(service.problem(
                "slo.errorRatePercent", StackConfigValidator.Rules.plain(p), "must be within (0, 100]")));
    }
}
