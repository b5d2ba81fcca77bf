package dev.tracestack.rehearse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampler tier changing size under traffic, as its HorizontalPodAutoscaler changes it: a new
 * sampler joins and the gateways pick it up; later the first sampler leaves. Kubernetes removes a
 * terminating pod from the headless Service while it sends the pod SIGTERM, so the gateways learn of
 * the removal while the sampler shuts down.
 */
final class SamplerScaling {

    private final CollectorFleet fleet;
    private final String deployedConfig;
    private final String jaegerOtlp;
    private final List<String> samplers;

    SamplerScaling(CollectorFleet fleet, String deployedConfig, String jaegerOtlp) {
        this.fleet = fleet;
        this.deployedConfig = deployedConfig;
        this.jaegerOtlp = jaegerOtlp;
        this.samplers = new ArrayList<>(fleet.otlpGrpc("sampler"));
    }

    void addSampler() {
        CollectorFleet.Instance added = fleet.start("sampler-" + samplers.size(), "sampler", deployedConfig, List.of(), jaegerOtlp);
        samplers.add(added.addresses().otlpGrpc());
        fleet.retarget(List.copyOf(samplers), Duration.ofSeconds(1));
    }

    void removeFirstSampler() {
        String leaving = samplers.remove(0);
        Thread shutdown = new Thread(() -> fleet.remove("sampler-0"), "rehearsal-sampler-shutdown");
        shutdown.start();
        fleet.retarget(List.copyOf(samplers), Duration.ofSeconds(1));
        try {
            shutdown.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fleet.instance("sampler-0").process().alive()) {
            throw new RehearsalException("sampler-0 (" + leaving + ") did not stop");
        }
    }
}
