package dev.tracestack.render;

import dev.tracestack.config.ServiceCatalog;
import dev.tracestack.config.ServiceSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The services of {@code tracestack:services} grouped by a setting they share. Whatever is rendered per
 * service setting (a tail-sampling policy, a gateway processor, an alert condition) is rendered per group, so
 * it grows with the number of distinct values, never with the number of services.
 */
public final class ServiceGroups {

    private ServiceGroups() {
    }

    /** The services that have the setting, grouped by its value (values ascending, names as written). */
    public static <V extends Comparable<V>> Map<V, List<String>> by(ServiceCatalog catalog,
                                                                   Function<ServiceSettings, Optional<V>> setting) {
        Map<V, List<String>> groups = new TreeMap<>();
        for (ServiceSettings service : catalog.services()) {
            setting.apply(service).ifPresent(value ->
                    groups.computeIfAbsent(value, v -> new ArrayList<>()).add(service.name()));
        }
        groups.replaceAll((value, names) -> List.copyOf(names));
        return Collections.unmodifiableMap(groups);
    }

    /** The names of the services that have the setting, as written. */
    public static List<String> having(ServiceCatalog catalog, Function<ServiceSettings, Optional<?>> setting) {
        return catalog.where(s -> setting.apply(s).isPresent()).stream().map(ServiceSettings::name).toList();
    }

    /**
     * Whether some service has an objective or a team of its own: then the gateway labels the span metrics with
     * them and the alert conditions filter on the labels.
     */
    public static boolean labelled(ServiceCatalog catalog) {
        return catalog.services().stream().anyMatch(s -> s.slo().isSet() || s.team().isPresent());
    }

    /** A number as labels and policy names spell it: {@code 500}, {@code 0.5}, never {@code 500.0}. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
