package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity of a stack's collector tiers, measured on the real collector pinned to one core: spans
 * per CPU-second through the rendered gateway config against a pass-through config (OTLP in, OTLP out,
 * nothing between) on the same binary in the same run, and the sampler's memory per trace it holds
 * during its decision wait. Run by {@code bench/collector-throughput.sh}.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.rehearse.CapacityBench E2E_DIR PROJECT_DIR STACK SECONDS</pre>
 */
public final class CapacityBench {

    /** The OTLP receiver's accepted-spans counter, as the Prometheus endpoint names it (no _total suffix in 0.158). */
    private static final String ACCEPTED_SPANS = "otelcol_receiver_accepted_spans";
    /** USER_HZ: the clock ticks per second of /proc/<pid>/stat's CPU times on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Where one measured collector listens. */
    private record Listen(String otlp, String health, int metrics) {

        static Listen allocate(LoopbackPorts ports) {
            return new Listen(ports.address(), ports.address(), ports.next());
        }
    }

    private CapacityBench() {
    }

    public static void main(String[] args) throws IOException {
        Path e2e = Path.of(args[0]);
        StackConfig config = StackConfigParser.parse(StackFileReader.read(Path.of(args[1]), args[2]));
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[3]));
        RenderedStack rendered = RenderedStack.render(config);
        Path binary = Binaries.in(e2e, config.elasticsearch().version(), false).collector();
        RehearsalLayout layout = RehearsalLayout.create(Files.createTempDirectory("tracestack-capacity"));
        try (ChildProcesses processes = new ChildProcesses()) {
            LoopbackPorts ports = new LoopbackPorts();
            Listen sink = Listen.allocate(ports);
            run("sink", """
                    receivers: {otlp: {protocols: {grpc: {endpoint: "%s"}}}}
                    exporters: {debug: {verbosity: basic, sampling_initial: 1, sampling_thereafter: 1000000}}
                    extensions: {health_check: {endpoint: "%s"}}
                    service:
                      extensions: [health_check]
                      telemetry: {metrics: {level: none}}
                      pipelines: {traces: {receivers: [otlp], exporters: [debug]}}
                    """.formatted(sink.otlp(), sink.health()), binary, layout, processes, sink, "1");

            Listen plain = Listen.allocate(ports);
            double passThrough = spansPerCpuSecond(run("pass-through", """
                    receivers: {otlp: {protocols: {grpc: {endpoint: "%s"}}}}
                    exporters: {otlp_grpc: {endpoint: "%s", tls: {insecure: true}}}
                    extensions: {health_check: {endpoint: "%s"}}
                    service:
                      extensions: [health_check]
                      pipelines: {traces: {receivers: [otlp], exporters: [otlp_grpc]}}
                    """.formatted(plain.otlp(), sink.otlp(), plain.health()), binary, layout, processes, plain, "0"),
                    plain, config, duration);

            Listen gatewayListen = Listen.allocate(ports);
            double gateway = spansPerCpuSecond(run("gateway", rewired("gateway", rendered.file("collector/gateway.yaml"),
                    gatewayListen, sink.otlp(), layout, ports), binary, layout, processes, gatewayListen, "0"),
                    gatewayListen, config, duration);

            System.out.printf(Locale.ROOT, "collector %s, one core (GOMAXPROCS=1), %d s of traffic each%n",
                    config.stack(), duration.toSeconds());
            System.out.printf(Locale.ROOT, "  %-36s %10.0f spans per CPU-second%n", "pass-through (otlp -> otlp_grpc)", passThrough);
            System.out.printf(Locale.ROOT, "  %-36s %10.0f spans per CPU-second%n", "rendered gateway", gateway);
            System.out.printf(Locale.ROOT, "  %-36s %10.2f%n", "ratio gateway / pass-through", gateway / passThrough);
            if (rendered.files().containsKey("collector/sampler.yaml")) {
                Listen samplerListen = Listen.allocate(ports);
                String sampler = rendered.file("collector/sampler.yaml");
                samplerMemory(run("sampler", rewired("sampler", sampler, samplerListen, sink.otlp(), layout, ports),
                        binary, layout, processes, samplerListen, "0"), samplerListen, sampler, config);
            }
        }
    }

    /** The stack's config of a tier as the rehearsal rewires it; the sink stands in for samplers and Jaeger. */
    private static String rewired(String name, String deployed, Listen listen, String sink, RehearsalLayout layout,
                                  LoopbackPorts ports) {
        ObjectNode toSink = JsonNodeFactory.instance.objectNode();
        toSink.putObject("static").putArray("hostnames").add(sink);
        return CollectorRewiring.rewire(name, deployed, new CollectorRewiring.Addresses(listen.otlp(), ports.address(),
                ports.address(), ports.address(), ports.address(), listen.health(), ports.address(), listen.metrics(),
                resolver -> toSink, sink, layout.capture(name), layout.state(name))).rewired();
    }

    /**
     * Spans the collector accepted (its own receiver counter) per second of its CPU time, under as much
     * traffic as the generator sends; the SDK drops what its queue cannot hold, so the sent count would
     * overstate.
     */
    private static double spansPerCpuSecond(ChildProcess collector, Listen listen, StackConfig config, Duration duration) {
        // A counter has no series until its first increment.
        double acceptedBefore = 0;
        double before = cpuSeconds(collector);
        try (TrafficGenerator traffic = new TrafficGenerator(List.of(listen.otlp()), 7, config.collector(),
                config.sampling().slowThresholdMs())) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                traffic.send(1000, 1e9, i -> { });
            }
            traffic.flush();
        }
        double cpu = cpuSeconds(collector) - before;
        double accepted = metric(listen, ACCEPTED_SPANS) - acceptedBefore;
        collector.stop();
        return accepted / cpu;
    }

    /**
     * Sends traces faster than the sampler decides (its decision wait holds them all), then reads how
     * many traces it holds and how much heap that takes; the least heap seen (after a collection) is
     * taken as the live set.
     */
    private static void samplerMemory(ChildProcess sampler, Listen listen, String deployed, StackConfig config) {
        double idle = least(listen, "otelcol_process_runtime_heap_alloc_bytes", 10);
        try (TrafficGenerator traffic = new TrafficGenerator(List.of(listen.otlp()), 11, config.collector(),
                config.sampling().slowThresholdMs())) {
            traffic.send(20_000, 1e9, i -> { });
            traffic.flush();
        }
        double held = metric(listen, "otelcol_processor_tail_sampling_sampling_traces_on_memory");
        double busy = least(listen, "otelcol_process_runtime_heap_alloc_bytes", 10);
        sampler.stop();
        double perTrace = (busy - idle) / held;
        JsonNode tailSampling = parse(deployed).at("/processors/tail_sampling");
        double limitBytes = parse(deployed).at("/processors/memory_limiter/limit_mib").asDouble() * 1024 * 1024;
        double decisionWait = Duration.parse("PT" + tailSampling.path("decision_wait").asText().toUpperCase()).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "sampler %s: %.0f traces held during the %.0f s decision wait%n", config.stack(), held, decisionWait);
        System.out.printf(Locale.ROOT, "  %-36s %10.0f bytes%n", "heap per trace held", perTrace);
        System.out.printf(Locale.ROOT, "  %-36s %10.0f traces (num_traces %d)%n", "held at the memory limiter's limit",
                (limitBytes - idle) / perTrace, tailSampling.path("num_traces").asInt());
        System.out.printf(Locale.ROOT, "  %-36s %10.0f traces/s%n", "new traces per second at that limit",
                (limitBytes - idle) / perTrace / decisionWait);
    }

    private static ChildProcess run(String name, String config, Path binary, RehearsalLayout layout,
                                    ChildProcesses processes, Listen listen, String core) {
        String text = config.contains("telemetry:") ? config : config.replace("service:\n",
                "service:\n  telemetry: {metrics: {level: normal, readers: [{pull: {exporter: {prometheus: "
                        + "{host: 127.0.0.1, port: " + listen.metrics() + "}}}}]}}\n");
        Path file = layout.root().resolve("configs").resolve(name + ".yaml");
        RehearsalLayout.write(file, text);
        ChildProcess process = processes.start(name, List.of("taskset", "-c", core, binary.toString(), "--config",
                file.toString()), environment(), layout.log(name));
        ChildProcesses.awaitHealthy(process, "http://" + listen.health() + "/", Duration.ofSeconds(30));
        return process;
    }

    /** One core, and what a gateway pod gets from its Secrets (the other configs do not read it). */
    private static Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(SecretEnvironment.gateway());
        environment.put("GOMAXPROCS", "1");
        return environment;
    }

    /** User and system CPU seconds of the process, from /proc/<pid>/stat (fields 14 and 15). */
    private static double cpuSeconds(ChildProcess process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new RehearsalException("cannot read the CPU time of " + process.name(), e);
        }
    }

    private static double least(Listen listen, String name, int samples) {
        return PrometheusScrape.least(listen.metrics(), name, samples);
    }

    private static double metric(Listen listen, String name) {
        return PrometheusScrape.sum(listen.metrics(), name);
    }

    private static JsonNode parse(String yaml) {
        try {
            return Artifacts.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new RehearsalException("not a YAML config", e);
        }
    }
}
