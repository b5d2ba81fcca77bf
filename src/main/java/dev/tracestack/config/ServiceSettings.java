package dev.tracestack.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One service of {@code tracestack:services} (or of the {@code servicesFile}): its sampling, its objectives and
 * the team its alerts go to.
 *
 * @param name     the service's OpenTelemetry {@code service.name}, as its SDKs report it
 * @param sampling its own sampling rates and Jaeger head settings
 * @param slo      its own alert objectives
 * @param team     the team of {@code alerts.teams} its alerts are routed to; empty: the stack's channels
 * @param origin   where it was written, for the rules checked after reading
 */
public record ServiceSettings(String name, ServiceSampling sampling, ServiceObjectives slo, Optional<String> team,
                              @JsonIgnore ConfigOrigin origin) {

    static final int MAX_NAME_LENGTH = 255;
    /**
     * The service names every part stores and matches unchanged: collector attributes, Jaeger's strategies,
     * Cloud Monitoring labels and BigQuery strings.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    /** What OpenTelemetry SDKs report when {@code service.name} is not set (the resource semantic conventions). */
    static final String UNSET_NAME_PREFIX = "unknown_service";

    static ServiceSettings read(String name, ConfigSection section) {
        return new ServiceSettings(name, ServiceSampling.read(section.section("sampling")),
                ServiceObjectives.read(section.section("slo")), section.string("team"), section.origin());
    }

    /** The service's own ordinary keep rate, if it has one. */
    public Optional<Double> rate() {
        return sampling.rate();
    }

    void validate(StackConfigValidator.Rules rules) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            rules.add(origin.problem(null, name, "must be a service.name of 1 to " + MAX_NAME_LENGTH + " letters, "
                    + "digits, '.', '_', '-', ':' or '/', starting with a letter or digit"));
        } else if (name.toLowerCase(Locale.ROOT).startsWith(UNSET_NAME_PREFIX)) {
            rules.add(origin.problem(null, name, "must not start with " + UNSET_NAME_PREFIX + ": SDKs report that "
                    + "name when service.name is not set (set OTEL_SERVICE_NAME in the service instead)"));
        }
        sampling.validate(origin, rules);
        slo.validate(origin, rules);
    }
}
