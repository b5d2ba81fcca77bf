package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import java.time.Duration;

/**
 * The sampler tier changing size under traffic, as its HorizontalPodAutoscaler changes it: a third
 * sampler joins the headless Service; later the first leaves it. Kubernetes takes a terminating pod out
 * of the Service while it sends the pod SIGTERM, so the gateways learn of the removal (at their next DNS
 * lookup) while the sampler shuts down and decides what it holds.
 */
final class SamplerScaling {

    private final CollectorFleet fleet;
    private final SamplerDiscovery discovery;
    private final String deployedConfig;
    private final String jaegerOtlp;

    SamplerScaling(CollectorFleet fleet, SamplerDiscovery discovery, String deployedConfig, String jaegerOtlp) {
        this.fleet = fleet;
        this.discovery = discovery;
        this.deployedConfig = deployedConfig;
        this.jaegerOtlp = jaegerOtlp;
    }

    void addSampler() {
        fleet.startSampler(2, deployedConfig, jaegerOtlp);
    }

    void removeFirstSampler() {
        discovery.withdraw(0);
        fleet.remove("sampler-0");
        ChildProcesses.sleep(Duration.ofSeconds(1));
    }
}
