package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.SERVICES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The services that have settings of their own: those of {@code tracestack:services} in the stack file, then
 * those of the file {@code tracestack:servicesFile} names. Every other service the stack receives spans from
 * has the stack's settings. Each service is defined once.
 *
 * @param file     the services file, relative to the project directory, if the stack names one
 * @param services every service with settings of its own, stack file first, each in the order written
 */
public record ServiceCatalog(Optional<String> file, List<ServiceSettings> services) {

    public ServiceCatalog {
        services = List.copyOf(services);
    }

    /** No service has settings of its own. */
    public static ServiceCatalog none() {
        return new ServiceCatalog(Optional.empty(), List.of());
    }

    static ServiceCatalog read(ConfigSection root, ConfigSource source) {
        Map<String, ServiceSettings> byName = new LinkedHashMap<>();
        root.sections(SERVICES).forEach((name, section) -> byName.put(name, ServiceSettings.read(name, section)));
        Optional<ConfigSection> inFile = ServicesFile.read(root, source.projectDir());
        inFile.ifPresent(file -> file.entries().forEach((name, section) -> {
            ServiceSettings service = ServiceSettings.read(name, section);
            if (byName.putIfAbsent(name, service) != null) {
                section.problemOfKey(null, "is already defined in " + source.file() + " (" + SERVICES + "." + name
                        + "); define each service once");
            }
        }));
        return new ServiceCatalog(root.string(ConfigKeys.SERVICES_FILE).filter(f -> inFile.isPresent()),
                List.copyOf(byName.values()));
    }

    void validate(StackConfigValidator.Rules rules) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (ServiceSettings service : services) {
            service.validate(rules);
            String first = byLowerCase.putIfAbsent(service.name().toLowerCase(Locale.ROOT), service.name());
            if (first != null) {
                rules.add(service.origin().problem(null, service.name(), "differs only in case from the service "
                        + first + " (service.name is matched exactly, so one of the two is mistyped)"));
            }
        }
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    public int size() {
        return services.size();
    }

    public Optional<ServiceSettings> named(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The services that match, in order. */
    public List<ServiceSettings> where(Predicate<ServiceSettings> test) {
        List<ServiceSettings> matching = new ArrayList<>();
        services.stream().filter(test).forEach(matching::add);
        return matching;
    }

    /** Whether some service keeps fewer than all of its ordinary traces: then the stack samples. */
    public boolean lowersAnyRate() {
        return services.stream().anyMatch(s -> s.rate().filter(rate -> rate < 1.0).isPresent());
    }
}
