package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
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
 * rewired to loopback; each keeps its own persistent-queue directory across restarts.
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
    private final SamplerDiscovery samplers;
    private final String googleApis;
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    /** {@code googleApis} is where the Google exporters send, the rehearsal's {@link GoogleApiRecorder}. */
    CollectorFleet(Path binary, RehearsalLayout layout, ChildProcesses processes, LoopbackPorts ports,
                   SamplerDiscovery samplers, String googleApis) {
        this.binary = binary;
        this.layout = layout;
        this.processes = processes;
        this.ports = ports;
        this.samplers = samplers;
        this.googleApis = googleApis;
    }

    /** Starts gateway {@code index}, routing to the samplers published so far, and waits until it is healthy. */
    Instance startGateway(int index, String deployedConfig, String jaegerOtlp) {
        String name = "gateway-" + index;
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, ports.address(),
                samplers::resolver, jaegerOtlp, googleApis, layout.state(name));
        Map<String, String> env = new LinkedHashMap<>(Map.of("GOMAXPROCS", "1"));
        env.putAll(samplers.gatewayEnvironment());
        env.putAll(SecretEnvironment.gateway());
        return start(name, "gateway", deployedConfig, addresses, samplers::gatewayCommand, env);
    }

    /** Starts sampler {@code index}, waits until it is healthy, and publishes it to the gateways. */
    Instance startSampler(int index, String deployedConfig, String jaegerOtlp) {
        String name = "sampler-" + index;
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports,
                samplers.samplerEndpoint(index, ports), samplers::resolver, jaegerOtlp, googleApis, layout.state(name));
        Instance instance = start(name, "sampler", deployedConfig, addresses, command -> command, Map.of("GOMAXPROCS", "1"));
        samplers.publish(index, addresses.otlpGrpc());
        return instance;
    }

    private Instance start(String name, String tier, String deployedConfig, CollectorRewiring.Addresses addresses,
                           java.util.function.UnaryOperator<List<String>> wrap, Map<String, String> env) {
        RewiredConfig config = CollectorRewiring.rewire(name, deployedConfig, addresses);
        Path file = layout.writeConfig(config);
        ChildProcess process = processes.start(name, wrap.apply(List.of(binary.toString(), "--config", file.toString())),
                env, layout.log(name));
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

    /** The instances running now. */
    List<Instance> running() {
        return instances.values().stream().filter(i -> i.process().alive()).toList();
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
     * Stops every instance gracefully, so batches and queues are flushed to the capture files: the
     * gateways first (together), then the samplers they send to.
     */
    void stopAll() {
        instances.values().stream().filter(i -> i.tier().equals("gateway")).toList()
                .parallelStream().forEach(i -> i.process().stop());
        instances.values().stream().filter(i -> !i.tier().equals("gateway")).toList()
                .parallelStream().forEach(i -> i.process().stop());
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
