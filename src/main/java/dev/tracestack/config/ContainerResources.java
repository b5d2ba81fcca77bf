package dev.tracestack.config;

import java.util.Map;

/**
 * What one container asks for and may use: requests equal limits, so the pod gets the Guaranteed QoS
 * class and is the last to be evicted.
 *
 * @param cpuMillis CPU in millicores
 * @param memoryMiB memory in MiB
 */
public record ContainerResources(int cpuMillis, int memoryMiB) {

    static ContainerResources read(ConfigSection section, ContainerResources fallback) {
        return new ContainerResources(
                section.integer("cpuMillis").orElse(fallback.cpuMillis()),
                section.integer("memoryMiB").orElse(fallback.memoryMiB()));
    }

    void validate(String key, StackConfigValidator.Rules rules) {
        rules.check(cpuMillis > 0, key + ".cpuMillis", String.valueOf(cpuMillis), "must be greater than 0");
        rules.check(memoryMiB > 0, key + ".memoryMiB", String.valueOf(memoryMiB), "must be greater than 0");
    }

    /** The Kubernetes quantity of the CPU, e.g. {@code 500m}. */
    public String cpu() {
        return cpu(cpuMillis);
    }

    /** The Kubernetes quantity of the memory, e.g. {@code 512Mi}. */
    public String memory() {
        return memory(memoryMiB);
    }

    /** A CPU amount as a Kubernetes quantity, e.g. {@code 500m}. */
    public static String cpu(int millis) {
        return millis + "m";
    }

    /** A memory amount as a Kubernetes quantity, e.g. {@code 512Mi}. */
    public static String memory(int mib) {
        return mib + "Mi";
    }

    /** The amounts by Kubernetes resource name, for requests and limits alike. */
    public Map<String, String> quantities() {
        return Map.of("cpu", cpu(), "memory", memory());
    }
}
