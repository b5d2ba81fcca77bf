package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A collector the benchmarks measure: started from a config pinned to one core, with its Prometheus endpoint
 * to read its counters from and {@code /proc} to read its CPU time from; a sink collector stands in for every
 * backend it sends to.
 *
 * @param process the running collector
 * @param listen  where it listens
 */
record MeasuredCollector(ChildProcess process, Listen listen) {

    /** The OTLP receiver's accepted-spans counter, as the Prometheus endpoint names it (no _total suffix in 0.158). */
    static final String ACCEPTED_SPANS = "otelcol_receiver_accepted_spans";
    /** USER_HZ: the clock ticks per second of /proc/<pid>/stat's CPU times on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Where one measured collector listens. */
    record Listen(String otlp, String health, int metrics) {

        static Listen allocate(LoopbackPorts ports) {
            return new Listen(ports.address(), ports.address(), ports.next());
        }
    }

    /** A collector that receives OTLP and drops it: the backends of the collector measured. */
    static MeasuredCollector sink(Path binary, RehearsalLayout layout, ChildProcesses processes, LoopbackPorts ports) {
        Listen sink = Listen.allocate(ports);
        return start("sink", """
                receivers: {otlp: {protocols: {grpc: {endpoint: "%s"}}}}
                exporters: {debug: {verbosity: basic, sampling_initial: 1, sampling_thereafter: 1000000}}
                extensions: {health_check: {endpoint: "%s"}}
                service:
                  extensions: [health_check]
                  telemetry: {metrics: {level: none}}
                  pipelines: {traces: {receivers: [otlp], exporters: [debug]}}
                """.formatted(sink.otlp(), sink.health()), binary, layout, processes, sink, "1");
    }

    /** Starts a collector from a config on one core ({@code taskset}, GOMAXPROCS=1) and waits until healthy. */
    static MeasuredCollector start(String name, String config, Path binary, RehearsalLayout layout,
                                   ChildProcesses processes, Listen listen, String core) {
        String text = config.contains("telemetry:") ? config : config.replace("service:\n",
                "service:\n  telemetry: {metrics: {level: normal, readers: [{pull: {exporter: {prometheus: "
                        + "{host: 127.0.0.1, port: " + listen.metrics() + "}}}}]}}\n");
        Path file = layout.root().resolve("configs").resolve(name + ".yaml");
        RehearsalLayout.write(file, text);
        ChildProcess process = processes.start(name, List.of("taskset", "-c", core, binary.toString(), "--config",
                file.toString()), environment(), layout.log(name));
        ChildProcesses.awaitHealthy(process, "http://" + listen.health() + "/", Duration.ofSeconds(30));
        return new MeasuredCollector(process, listen);
    }

    /** One core, and what a gateway pod gets from its Secrets (the other configs do not read it). */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(SecretEnvironment.gateway());
        environment.put("GOMAXPROCS", "1");
        return environment;
    }

    /**
     * A stack's config of a tier as the rehearsal rewires it; the sink stands in for samplers and Jaeger,
     * {@code googleApis} (a {@link GoogleApiRecorder}) for Google's APIs.
     */
    static String rewired(String name, String deployed, Listen listen, String sink, String googleApis,
                          RehearsalLayout layout, LoopbackPorts ports) {
        ObjectNode toSink = JsonNodeFactory.instance.objectNode();
        toSink.putObject("static").putArray("hostnames").add(sink);
        return CollectorRewiring.rewire(name, deployed, new CollectorRewiring.Addresses(listen.otlp(), ports.address(),
                ports.address(), ports.address(), ports.address(), listen.health(), ports.address(), ports.address(),
                listen.metrics(), resolver -> toSink, sink, googleApis, layout.state(name))).rewired();
    }

    /** User and system CPU seconds of the process, from /proc/<pid>/stat (fields 14 and 15). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new RehearsalException("cannot read the CPU time of " + process.name(), e);
        }
    }

    /** The least value of a metric over a few samples 200 ms apart: the live set after a collection. */
    double least(String name, int samples) {
        return PrometheusScrape.least(listen.metrics(), name, samples);
    }

    /** A metric from the collector's Prometheus endpoint, summed over its series. */
    double metric(String name) {
        return PrometheusScrape.sum(listen.metrics(), name);
    }

    void stop() {
        process.stop();
    }
}
