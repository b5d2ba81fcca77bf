package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ALERTS;
import static dev.tracestack.config.ConfigKeys.COST;
import static dev.tracestack.config.ConfigKeys.JAEGER;
import static dev.tracestack.config.ConfigKeys.PLATFORM;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rules between a service's own settings and the rest of the stack: its team among the alert teams, the
 * head settings only Jaeger serves, what a docker stack cannot do, and the services the estimate counts. Part
 * of {@link CrossSectionRules}.
 */
final class ServiceRules {

    /** Cloud Monitoring: an alert policy has one to six conditions; a team's policy has one per objective. */
    static final int MAX_CONDITIONS = 6;

    private ServiceRules() {
    }

    static void validate(StackConfig config, StackConfigValidator.Rules rules) {
        ServiceCatalog catalog = config.services();
        boolean docker = config.platform() == Platform.DOCKER;
        for (ServiceSettings service : catalog.services()) {
            ConfigOrigin at = service.origin();
            service.team().filter(team -> !config.alerts().teams().containsKey(team)).ifPresent(team ->
                    rules.add(at.problem("team", team, "must name a team of " + ALERTS + ".teams"
                            + knownTeams(team, config.alerts().teams().keySet()))));
            if (service.sampling().hasHeadSettings() && !config.jaeger().enabled()) {
                rules.add(at.problem("sampling", null, "must not set maxTracesPerSecond or operations while " + JAEGER
                        + ".enabled is false: Jaeger's remote sampling is what serves them to the service's SDKs"));
            }
            if (docker) {
                service.rate().filter(rate -> rate < 1).ifPresent(rate -> rules.add(at.problem("sampling.rate",
                        StackConfigValidator.Rules.plain(rate), "must be 1 with " + PLATFORM + " docker (the local "
                                + "stack runs one collector; tail sampling needs a cluster's sampler tier)")));
                if (service.slo().isSet() || service.team().isPresent()) {
                    rules.add(at.problem(service.team().isPresent() ? "team" : "slo", null, "cannot be set with "
                            + PLATFORM + " docker (the local stack has no Cloud Monitoring to alert from)"));
                }
            }
        }
        objectivesPerTeam(config, "latencyP95Ms", s -> s.slo().latencyP95Ms().map(Integer::doubleValue), rules);
        objectivesPerTeam(config, "errorRatePercent", s -> s.slo().errorRatePercent(), rules);
        // Fewer than one service is reported by the cost section itself.
        if (config.platform() == Platform.KUBERNETES && config.cost().services() >= 1) {
            rules.check(config.cost().services() >= catalog.size(), COST + ".services",
                    String.valueOf(config.cost().services()), "must be at least the " + catalog.size()
                            + " services of " + ConfigKeys.SERVICES + " (the estimate's span metrics and alert "
                            + "series follow the number of services)");
        }
    }

    private static String knownTeams(String team, Set<String> teams) {
        if (teams.isEmpty()) {
            return ", which names none";
        }
        return NearMiss.closest(team, teams).map(near -> " (did you mean " + near + "?)")
                .orElse(" (" + String.join(", ", teams) + ")");
    }

    /**
     * A team's services (or the services without a team) may have at most six distinct objectives per indicator,
     * the stack's counted where one of them has none of its own: one alert condition each, in one policy.
     */
    private static void objectivesPerTeam(StackConfig config, String field,
                                          Function<ServiceSettings, Optional<Double>> own,
                                          StackConfigValidator.Rules rules) {
        Map<String, Set<String>> byTeam = new TreeMap<>();
        byTeam.put(TeamSettings.NO_TEAM, new TreeSet<>(Set.of("the stack's")));
        for (ServiceSettings service : config.services().services()) {
            byTeam.computeIfAbsent(service.team().orElse(TeamSettings.NO_TEAM), t -> new TreeSet<>())
                    .add(own.apply(service).map(StackConfigValidator.Rules::plain).orElse("the stack's"));
        }
        byTeam.forEach((team, objectives) -> rules.check(objectives.size() <= MAX_CONDITIONS, ConfigKeys.SERVICES,
                objectives.size() + " objectives (" + String.join(", ", objectives) + ")",
                "must give the services " + (team.equals(TeamSettings.NO_TEAM) ? "without a team" : "of team " + team)
                        + " at most " + MAX_CONDITIONS + " distinct slo." + field + " objectives, the stack's "
                        + "included where one has none (a Cloud Monitoring alert policy holds at most "
                        + MAX_CONDITIONS + " conditions, one per objective)"));
    }
}
