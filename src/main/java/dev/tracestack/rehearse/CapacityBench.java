package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.rehearse.MeasuredCollector.Listen;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The capacity of a stack's collector tiers, measured on the real collector pinned to one core: spans
 * per CPU-second through the rendered gateway config against a pass-through config (OTLP in, OTLP out,
 * nothing between) on the same binary in the same run, and the sampler's memory per trace it holds
 * during its decision wait. Run by {@code bench/collector-throughput.sh}.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.rehearse.CapacityBench E2E_DIR PROJECT_DIR STACK SECONDS</pre>
 */
public final class CapacityBench {

    private CapacityBench() {
    }

    public static void main(String[] args) throws IOException {
        Path e2e = Path.of(args[0]);
        StackConfig config = StackConfigParser.parse(StackFileReader.read(Path.of(args[1]), args[2]));
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[3]));
        RenderedStack rendered = RenderedStack.render(config);
        Path binary = Binaries.in(e2e, config.elasticsearch().version(), false).collector();
        RehearsalLayout layout = RehearsalLayout.create(Files.createTempDirectory("tracestack-capacity"));
        try (ChildProcesses processes = new ChildProcesses();
             GoogleApiRecorder google = GoogleApiRecorder.start(layout.root().resolve("received"))) {
            LoopbackPorts ports = new LoopbackPorts();
            MeasuredCollector sink = MeasuredCollector.sink(binary, layout, processes, ports);

            Listen plain = Listen.allocate(ports);
            double passThrough = spansPerCpuSecond(MeasuredCollector.start("pass-through", """
                    receivers: {otlp: {protocols: {grpc: {endpoint: "%s"}}}}
                    exporters: {otlp_grpc: {endpoint: "%s", tls: {insecure: true}}}
                    extensions: {health_check: {endpoint: "%s"}}
                    service:
                      extensions: [health_check]
                      pipelines: {traces: {receivers: [otlp], exporters: [otlp_grpc]}}
                    """.formatted(plain.otlp(), sink.listen().otlp(), plain.health()), binary, layout, processes, plain,
                    "0"), config, duration, List.of(), Duration.ZERO);

            Listen gatewayListen = Listen.allocate(ports);
            double gateway = spansPerCpuSecond(MeasuredCollector.start("gateway", MeasuredCollector.rewired("gateway",
                    rendered.file("collector/gateway.yaml"), gatewayListen, sink.listen().otlp(), google.endpoint(), layout, ports),
                    binary, layout, processes, gatewayListen, "0"), config, duration, List.of(), Duration.ZERO);

            System.out.printf(Locale.ROOT, "collector %s, one core (GOMAXPROCS=1), %d s of traffic each%n",
                    config.stack(), duration.toSeconds());
            System.out.printf(Locale.ROOT, "  %-36s %10.0f spans per CPU-second%n", "pass-through (otlp -> otlp_grpc)", passThrough);
            System.out.printf(Locale.ROOT, "  %-36s %10.0f spans per CPU-second%n", "rendered gateway", gateway);
            System.out.printf(Locale.ROOT, "  %-36s %10.2f%n", "ratio gateway / pass-through", gateway / passThrough);
            if (rendered.files().containsKey("collector/sampler.yaml")) {
                Listen samplerListen = Listen.allocate(ports);
                String sampler = rendered.file("collector/sampler.yaml");
                samplerMemory(MeasuredCollector.start("sampler", MeasuredCollector.rewired("sampler", sampler,
                        samplerListen, sink.listen().otlp(), google.endpoint(), layout, ports), binary, layout, processes, samplerListen,
                        "0"), sampler, config);
            }
        }
    }

    /**
     * Spans the collector accepted (its own receiver counter) per second of its CPU time, under as much
     * traffic as the generator sends, for {@code duration}, then {@code settle} more for the decisions still
     * pending (a sampler decides after its decision wait); the SDK drops what its queue cannot hold, so the
     * sent count would overstate. The traffic's traces include those of {@code ownServices}.
     */
    static double spansPerCpuSecond(MeasuredCollector collector, StackConfig config, Duration duration,
                                    List<String> ownServices, Duration settle) {
        // A counter has no series until its first increment.
        double before = collector.cpuSeconds();
        try (TrafficGenerator traffic = new TrafficGenerator(List.of(collector.listen().otlp()), 7, config.collector(),
                config.sampling().slowThresholdMs(), ownServices)) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                traffic.send(1000, 1e9, i -> { });
            }
            traffic.flush();
        }
        ChildProcesses.sleep(settle);
        double cpu = collector.cpuSeconds() - before;
        double accepted = collector.metric(MeasuredCollector.ACCEPTED_SPANS);
        collector.stop();
        return accepted / cpu;
    }

    /**
     * Sends traces faster than the sampler decides (its decision wait holds them all), then reads how
     * many traces it holds and how much heap that takes; the least heap seen (after a collection) is
     * taken as the live set.
     */
    private static void samplerMemory(MeasuredCollector sampler, String deployed, StackConfig config) {
        double idle = sampler.least("otelcol_process_runtime_heap_alloc_bytes", 10);
        try (TrafficGenerator traffic = new TrafficGenerator(List.of(sampler.listen().otlp()), 11, config.collector(),
                config.sampling().slowThresholdMs())) {
            traffic.send(20_000, 1e9, i -> { });
            traffic.flush();
        }
        double held = sampler.metric("otelcol_processor_tail_sampling_sampling_traces_on_memory");
        double busy = sampler.least("otelcol_process_runtime_heap_alloc_bytes", 10);
        sampler.stop();
        double perTrace = (busy - idle) / held;
        JsonNode tailSampling = parse(deployed).at("/processors/tail_sampling");
        double limitBytes = parse(deployed).at("/processors/memory_limiter/limit_mib").asDouble() * 1024 * 1024;
        double decisionWait = decisionWait(deployed).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "sampler %s: %.0f traces held during the %.0f s decision wait%n", config.stack(), held, decisionWait);
        System.out.printf(Locale.ROOT, "  %-36s %10.0f bytes%n", "heap per trace held", perTrace);
        System.out.printf(Locale.ROOT, "  %-36s %10.0f traces (num_traces %d)%n", "held at the memory limiter's limit",
                (limitBytes - idle) / perTrace, tailSampling.path("num_traces").asInt());
        System.out.printf(Locale.ROOT, "  %-36s %10.0f traces/s%n", "new traces per second at that limit",
                (limitBytes - idle) / perTrace / decisionWait);
    }

    /** The tail sampler's {@code decision_wait} in a rendered sampler config. */
    static Duration decisionWait(String sampler) {
        return Duration.parse("PT" + parse(sampler).at("/processors/tail_sampling/decision_wait").asText()
                .toUpperCase(Locale.ROOT));
    }

    private static JsonNode parse(String yaml) {
        try {
            return Artifacts.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new RehearsalException("not a YAML config", e);
        }
    }
}
