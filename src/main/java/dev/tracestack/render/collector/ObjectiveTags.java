package dev.tracestack.render.collector;

import static dev.tracestack.wire.ServiceAttributes.ERROR_RATE_OBJECTIVE;
import static dev.tracestack.wire.ServiceAttributes.LATENCY_OBJECTIVE;
import static dev.tracestack.wire.ServiceAttributes.TEAM;

import dev.tracestack.config.ServiceCatalog;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.ServiceGroups;
import dev.tracestack.wire.ServiceAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway adds so that alerts can tell services' objectives apart without naming services: the spans
 * of services with an objective or a team of their own get it as an attribute, one {@code attributes} processor
 * per distinct value (an exact set of services, {@code include.services}), and the span metrics carry the
 * attributes as dimensions, with the stack's marks as defaults for every other service. A service's objective
 * and team are functions of its name, so the dimensions add no series. Nothing is added where no service has
 * an objective or a team.
 */
final class ObjectiveTags {

    private ObjectiveTags() {
    }

    /** The processors by id, in pipeline order; empty where no service has an objective or a team. */
    static Map<String, Object> processors(StackConfig config) {
        ServiceCatalog services = config.services();
        Map<String, Object> processors = new LinkedHashMap<>();
        if (!ServiceGroups.labelled(services)) {
            return processors;
        }
        ServiceGroups.by(services, s -> s.slo().latencyP95Ms()).forEach((ms, names) ->
                processors.put("attributes/slo-latency-" + ms, tag(names, LATENCY_OBJECTIVE, String.valueOf(ms))));
        ServiceGroups.by(services, s -> s.slo().errorRatePercent()).forEach((percent, names) -> {
            String value = ServiceGroups.plain(percent);
            processors.put("attributes/slo-errors-" + value, tag(names, ERROR_RATE_OBJECTIVE, value));
        });
        ServiceGroups.by(services, ServiceSettings::team).forEach((team, names) ->
                processors.put("attributes/team-" + team, tag(names, TEAM, team)));
        return processors;
    }

    /** The span metrics' extra dimensions; empty where no service has an objective or a team. */
    static List<Object> dimensions(StackConfig config) {
        if (!ServiceGroups.labelled(config.services())) {
            return List.of();
        }
        return List.of(Body.of("name", LATENCY_OBJECTIVE, "default", ServiceAttributes.STACK_OBJECTIVE),
                Body.of("name", ERROR_RATE_OBJECTIVE, "default", ServiceAttributes.STACK_OBJECTIVE),
                Body.of("name", TEAM, "default", ServiceAttributes.NO_TEAM));
    }

    private static Map<String, Object> tag(List<String> services, String key, String value) {
        return Body.of("include", Body.of("match_type", "strict", "services", services),
                "actions", List.of(Body.of("key", key, "value", value, "action", "upsert")));
    }
}
