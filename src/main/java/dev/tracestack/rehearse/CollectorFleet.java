package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector instances of a rehearsal: gateway replicas and, where the stack samples, sampler
 * replicas behind the gateways' load-balancing exporter. Each runs the deployed config of its tier,
 * rewired to loopback; each keeps its own capture and persistent-queue directories across restarts.
 */
final class CollectorFleet {

    /** One running (or stopped) collector instance. */
    record Instance(String name, String tier, CollectorRewiring.Addresses addresses, Path config, ChildProcess process) {

        String healthUrl() {
            return "http://" + addresses.healthCheck() + "/";
        }
    }

    private final Path binary;
    private final RehearsalLayout layout;
    private final ChildProcesses processes;
    private final LoopbackPorts ports;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, String> deployed = new LinkedHashMap<>();

    CollectorFleet(Path binary, RehearsalLayout layout, ChildProcesses processes, LoopbackPorts ports) {
        this.binary = binary;
        this.layout = layout;
        this.processes = processes;
        this.ports = ports;
    }

    /** Starts an instance of a tier from the tier's deployed config and waits until it is healthy. */
    Instance start(String name, String tier, String deployedConfig, List<String> samplers, String jaegerOtlp) {
        deployed.put(tier, deployedConfig);
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, samplers, jaegerOtlp,
                layout.capture(name), layout.state(name));
        RewiredConfig config = CollectorRewiring.rewire(name, deployedConfig, addresses);
        Path file = layout.writeConfig(config);
        ChildProcess process = processes.start(name, List.of(binary.toString(), "--config", file.toString()),
                Map.of("GOMAXPROCS", "1"), layout.log(name));
        Instance instance = new Instance(name, tier, addresses, file, process);
        instances.put(name, instance);
        ChildProcesses.awaitHealthy(process, instance.healthUrl(), Duration.ofSeconds(60));
        return instance;
    }

    /** The OTLP gRPC addresses of a tier's instances, in start order. */
    List<String> otlpGrpc(String tier) {
        return instances.values().stream().filter(i -> i.tier().equals(tier))
                .map(i -> i.addresses().otlpGrpc()).toList();
    }

    Instance instance(String name) {
        Instance instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no collector instance " + name + "; running: " + instances.keySet());
        }
        return instance;
    }

    /** SIGKILL, as when a node dies. */
    void kill(String name) {
        instance(name).process().kill();
    }

    /** Starts a stopped or killed instance again with the same config, ports and volumes. */
    void restart(String name) {
        Instance instance = instance(name);
        instance.process().start();
        ChildProcesses.awaitHealthy(instance.process(), instance.healthUrl(), Duration.ofSeconds(60));
    }

    /** Stops an instance for good (SIGTERM: it drains its queues, as a pod does on scale-down). */
    void remove(String name) {
        instance(name).process().stop();
    }

    /**
     * Points every gateway at a new set of samplers, one gateway after the other: the config is rewritten
     * and the collector reloads it on SIGHUP, as each gateway's DNS resolver would pick up a change of the
     * headless Service on its own schedule.
     */
    void retarget(List<String> samplers, Duration between) {
        for (Instance gateway : instances.values().stream().filter(i -> i.tier().equals("gateway")).toList()) {
            CollectorRewiring.Addresses moved = new CollectorRewiring.Addresses(gateway.addresses().otlpGrpc(),
                    gateway.addresses().otlpHttp(), gateway.addresses().zipkin(), gateway.addresses().jaegerGrpc(),
                    gateway.addresses().jaegerHttp(), gateway.addresses().healthCheck(), gateway.addresses().zpages(),
                    gateway.addresses().metricsPort(), samplers, gateway.addresses().jaegerOtlp(),
                    gateway.addresses().capture(), gateway.addresses().state());
            RewiredConfig config = CollectorRewiring.rewire(gateway.name(), deployed.get("gateway"), moved);
            layout.writeConfig(config);
            instances.put(gateway.name(), new Instance(gateway.name(), gateway.tier(), moved, gateway.config(),
                    gateway.process()));
            gateway.process().signal("HUP");
            ChildProcesses.sleep(between);
        }
    }

    /**
     * Stops every instance gracefully, so batches and queues are flushed to the capture files: the
     * gateways first (together), then the samplers they send to.
     */
    void stopAll() {
        instances.values().stream().filter(i -> i.tier().equals("gateway")).toList()
                .parallelStream().forEach(i -> i.process().stop());
        instances.values().stream().filter(i -> !i.tier().equals("gateway")).toList()
                .parallelStream().forEach(i -> i.process().stop());
    }

    /** Every instance's capture file of an exporter (the stand-in of a Google exporter). */
    List<Path> captures(String exporterId) {
        return instances.values().stream()
                .map(i -> i.addresses().capture().resolve(CollectorRewiring.captureFile(exporterId))).toList();
    }

    /** The exporters of the tier that sends traces to the backends, as deployed. */
    static List<String> traceExporters(String deployedConfig) {
        try {
            var root = dev.tracestack.render.Artifacts.YAML.readTree(deployedConfig);
            List<String> exporters = new ArrayList<>();
            root.path("service").path("pipelines").path("traces").path("exporters")
                    .forEach(id -> exporters.add(id.asText()));
            return exporters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ensureDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
