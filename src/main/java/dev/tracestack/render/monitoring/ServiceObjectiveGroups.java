package dev.tracestack.render.monitoring;

import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.ServiceGroups;
import dev.tracestack.wire.ServiceAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services one per-service alert condition watches: those of one team (or of none) that share an
 * objective (their own, or the stack's threshold). An SLI's alert policies have one condition per group, so
 * they grow with the teams and the distinct objectives, never with the services.
 */
public final class ServiceObjectiveGroups {

    /** A per-service indicator with an objective. */
    public enum Sli {
        LATENCY(ServiceAttributes.LATENCY_OBJECTIVE),
        ERROR_RATE(ServiceAttributes.ERROR_RATE_OBJECTIVE);

        private final String attribute;

        Sli(String attribute) {
            this.attribute = attribute;
        }

        /** The span attribute, and metric label, that carries a service's objective for this indicator. */
        public String attribute() {
            return attribute;
        }

        Optional<Double> own(ServiceSettings service) {
            return this == LATENCY ? service.slo().latencyP95Ms().map(Integer::doubleValue)
                    : service.slo().errorRatePercent();
        }
    }

    /**
     * One group.
     *
     * @param team      the team its alerts go to, {@link ServiceAttributes#NO_TEAM} for the stack's channels
     * @param objective the services' own objective (ms, or percent); empty: the stack's threshold
     * @param services  the services of {@code tracestack:services} in it
     * @param stackWide whether it also holds every service without settings of its own
     */
    public record Group(String team, Optional<Double> objective, List<String> services, boolean stackWide) {

        /** The value of the objective label its services' span metrics carry. */
        public String label() {
            return objective.map(ServiceGroups::plain).orElse(ServiceAttributes.STACK_OBJECTIVE);
        }
    }

    private ServiceObjectiveGroups() {
    }

    /**
     * The groups of an indicator by team, the stack's channels ({@code none}) first, then the teams in the order
     * {@code alerts.teams} lists them; within a team the stack's objective first, then its own ones ascending.
     */
    public static Map<String, List<Group>> of(StackConfig config, Sli sli) {
        Map<String, Map<Optional<Double>, List<String>>> byTeam = new LinkedHashMap<>();
        byTeam.put(ServiceAttributes.NO_TEAM, new LinkedHashMap<>(Map.of(Optional.empty(), new ArrayList<>())));
        config.alerts().teams().keySet().forEach(team -> byTeam.put(team, new LinkedHashMap<>()));
        for (ServiceSettings service : config.services().services()) {
            String team = service.team().orElse(ServiceAttributes.NO_TEAM);
            byTeam.computeIfAbsent(team, t -> new LinkedHashMap<>())
                    .computeIfAbsent(sli.own(service), o -> new ArrayList<>()).add(service.name());
        }
        Map<String, List<Group>> groups = new LinkedHashMap<>();
        byTeam.forEach((team, byObjective) -> {
            List<Group> ofTeam = new ArrayList<>();
            List<String> stack = byObjective.remove(Optional.empty());
            boolean stackWide = team.equals(ServiceAttributes.NO_TEAM);
            if (stack != null) {
                ofTeam.add(new Group(team, Optional.empty(), List.copyOf(stack), stackWide));
            }
            Map<Double, List<String>> own = new TreeMap<>();
            byObjective.forEach((objective, services) -> own.put(objective.orElseThrow(), services));
            own.forEach((objective, services) -> ofTeam.add(
                    new Group(team, Optional.of(objective), List.copyOf(services), false)));
            if (!ofTeam.isEmpty()) {
                groups.put(team, List.copyOf(ofTeam));
            }
        });
        return groups;
    }
}
