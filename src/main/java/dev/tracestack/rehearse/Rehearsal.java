package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.Platform;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.PlatformEndpoints;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.wire.WellKnownNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dress rehearsal of a stack's telemetry pipeline: its rendered configs, rewired to loopback, run on
 * the real collector, Jaeger and Elasticsearch in the stack's topology; a known traffic mix sent
 * through it, with an optional fault; and what came out measured against what the config promises.
 */
public final class Rehearsal {

    /** How long after the collectors start their first metrics report (60 s intervals) has surely been written. */
    private static final Duration METRICS_REPORTED = Duration.ofSeconds(68);

    /**
     * Longer than prod's backlog after its fault takes to send at the gateways' pace; a queue still not empty
     * then fails its check rather than holding the rehearsal up.
     */
    private static final Duration QUEUES_DRAIN_WITHIN = Duration.ofMinutes(3);

    private Rehearsal() {
    }

    /**
     * Runs one rehearsal. {@code storage} is an Elasticsearch to use, or {@code null} to start one for
     * this rehearsal where the stack has Jaeger.
     */
    static Report run(StackConfig config, RenderedStack rendered, RehearsalOptions options, JaegerStorage storage,
                      java.io.PrintStream out) {
        long started = System.nanoTime();
        Progress progress = new Progress(out, started);
        boolean jaegerOn = config.jaeger().enabled();
        Binaries binaries = Binaries.in(options.e2e(), config.elasticsearch().version(), jaegerOn);
        RehearsalLayout layout = RehearsalLayout.create(options.out());
        JaegerStorage own = null;
        try (ChildProcesses processes = new ChildProcesses();
             GoogleApiRecorder google = GoogleApiRecorder.start(layout.root().resolve("received"))) {
            LoopbackPorts ports = new LoopbackPorts();
            progress.println("Cloud Trace, Cloud Monitoring and Pub/Sub answered by a local recorder at " + google.endpoint()
                    + " (nothing is sent to Google)");
            JaegerBackend jaeger = null;
            if (jaegerOn) {
                if (storage == null) {
                    progress.println("starting Elasticsearch " + config.elasticsearch().version());
                    own = JaegerStorage.start(binaries.elasticsearchHome(), layout.work("elasticsearch"),
                            PlatformEndpoints.of(config).elasticsearchSecured());
                }
                progress.println("starting Jaeger " + config.jaeger().version());
                jaeger = JaegerBackend.start(config, rendered, binaries, own != null ? own : storage, layout, processes, ports);
            }
            String jaegerOtlp = jaeger != null ? jaeger.otlpGrpc() : LoopbackPorts.HOST + ":1";
            List<CollectorTier> tiers = CollectorTier.of(config);
            SamplerDiscovery discovery = SamplerDiscovery.create(layout.work("dns"), ports);
            if (options.fault() == Fault.SAMPLER_SCALE && !discovery.dynamic()) {
                throw new RehearsalException("--fault sampler-scale needs mount namespaces (unshare) to change the "
                        + "samplers the gateways resolve; this machine has none");
            }
            CollectorFleet fleet = new CollectorFleet(binaries.collector(), layout, processes, ports, discovery,
                    google.endpoint());
            String gatewayConfig = rendered.file(tiers.get(0).artifact());
            String finalConfig = rendered.file(tiers.get(tiers.size() - 1).artifact());
            progress.println("starting collectors: " + tiers.stream().map(t -> t.role().id()).toList()
                    + (tiers.size() > 1 ? (discovery.dynamic() ? ", samplers found through DNS" : ", samplers listed statically") : ""));
            if (tiers.size() > 1) {
                for (int i = 0; i < 2; i++) {
                    fleet.startSampler(i, finalConfig, jaegerOtlp);
                }
            }
            int gateways = config.platform() == Platform.DOCKER ? 1 : 2;
            for (int i = 0; i < gateways; i++) {
                fleet.startGateway(i, gatewayConfig, jaegerOtlp);
            }
            long collectorsStarted = System.nanoTime();

            progress.println("sending " + options.traces() + " traces (fault: " + options.fault().id() + ")");
            List<SentTrace> sent;
            Set<String> undelivered;
            SamplerScaling scaling = new SamplerScaling(fleet, discovery, finalConfig, jaegerOtlp);
            try (FaultPlan faults = FaultPlan.of(options.fault(), options.traces(), fleet, jaeger, scaling);
                 TrafficGenerator traffic = new TrafficGenerator(fleet.otlpGrpc("gateway"), options.seed(),
                         config.collector(), config.sampling().slowThresholdMs(), ownServices(config))) {
                sent = traffic.send(options.traces(), options.perSecond(), faults::beforeTrace);
                faults.awaitDone();
                traffic.flush();
                undelivered = traffic.undelivered();
            }
            writeSent(layout, sent);

            progress.println("waiting for the pipeline to settle");
            List<String> traceExporters = CollectorFleet.traceExporters(finalConfig).stream()
                    .filter(id -> !id.equals("span_metrics") && !id.equals("load_balancing")).toList();
            List<Path> captures = List.of(layout.received(GoogleApiRecorder.TRACE_FILE),
                    layout.received(GoogleApiRecorder.PUBSUB_FILE));
            settle(captures, tiers.size() > 1 ? Duration.ofSeconds(20) : Duration.ofSeconds(8));
            // The metrics are checked in a rehearsal without a fault; one with a fault is about what is lost.
            boolean googleCloud = PlatformEndpoints.of(config).googleCloud();
            if (googleCloud && options.fault() == Fault.NONE) {
                awaitUntil(collectorsStarted + METRICS_REPORTED.toNanos());
            }
            progress.println("waiting for the exporters' queues to drain");
            QueueDrain queues = QueueDrain.await(fleet, QUEUES_DRAIN_WITHIN);
            progress.println("stopping the collectors (they flush their batches and queues)");
            fleet.stopAll();

            Map<String, Capture> traces = new LinkedHashMap<>();
            for (String exporter : traceExporters) {
                if (exporter.equals(CollectorRewiring.GOOGLE_CLOUD)) {
                    traces.put(exporter, Capture.cloudTrace(layout.received(GoogleApiRecorder.TRACE_FILE)));
                } else if (exporter.equals(CollectorRewiring.PUBSUB)) {
                    traces.put(exporter, Capture.pubsub(layout.received(GoogleApiRecorder.PUBSUB_FILE)));
                } else if (!exporter.equals(WellKnownNames.JAEGER_EXPORTER)) {
                    throw new RehearsalException("the rehearsal does not know where trace exporter " + exporter
                            + " delivers");
                }
            }
            Capture metrics = googleCloud ? Capture.cloudMonitoring(layout.received(GoogleApiRecorder.MONITORING_FILE))
                    : Capture.empty();
            Map<String, JsonNode> strategies = Map.of();
            if (jaeger != null && traceExporters.contains(WellKnownNames.JAEGER_EXPORTER)) {
                progress.println("reading the kept traces back from Jaeger's query API");
                traces.put(WellKnownNames.JAEGER_EXPORTER, jaeger.fetch(sent.stream().map(SentTrace::traceId).toList(),
                        layout.received(WellKnownNames.JAEGER_EXPORTER.replace('/', '-') + ".jsonl")));
                strategies = jaeger.strategies(StrategyCheck.services(rendered.file(JaegerArtifacts.STRATEGIES)));
            }
            String primary = traces.containsKey(CollectorRewiring.GOOGLE_CLOUD) ? CollectorRewiring.GOOGLE_CLOUD
                    : WellKnownNames.JAEGER_EXPORTER;
            RehearsalChecks.Outcome outcome = new RehearsalChecks.Outcome(sent, undelivered, primary, traces, metrics,
                    strategies, queues);
            Report report = RehearsalChecks.report(config, rendered, options.fault(), options.seed(),
                    (System.nanoTime() - started) / 1e9, new SamplingModel(config, tiers.size() > 1), outcome);
            RehearsalLayout.write(layout.root().resolve("report.json"), Artifacts.json(report));
            return report;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /**
     * The services the traffic sends traces of their own for: those with sampling rates of their own (their
     * rates are checked) and those with objectives of their own (only their spans carry the objective
     * labels those alert conditions select).
     */
    static List<String> ownServices(StackConfig config) {
        return java.util.stream.Stream.concat(ServiceRateCheck.services(config).stream(),
                config.services().where(s -> s.slo().isSet()).stream().map(ServiceSettings::name)).distinct().toList();
    }

    /** Progress lines, each with the seconds since the rehearsal started. */
    private record Progress(java.io.PrintStream out, long started) {

        void println(String line) {
            out.printf(java.util.Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
        }
    }

    private static void writeSent(RehearsalLayout layout, List<SentTrace> sent) {
        String lines = sent.stream().map(t -> Artifacts.JSON.createObjectNode().put("traceId", t.traceId())
                .put("class", t.traceClass().id()).put("spans", t.spans()).toString()).collect(Collectors.joining("\n"));
        RehearsalLayout.write(layout.root().resolve("sent.jsonl"), lines + "\n");
    }

    /**
     * Waits at least {@code minimum} (the sampler's decision wait and the batches' timeouts), then until
     * the recorded requests have not grown for three seconds.
     */
    private static void settle(List<Path> captures, Duration minimum) {
        ChildProcesses.sleep(minimum);
        long last = -1;
        int stable = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (stable < 3 && System.nanoTime() < deadline) {
            long size = captures.stream().mapToLong(Rehearsal::size).sum();
            stable = size == last ? stable + 1 : 0;
            last = size;
            ChildProcesses.sleep(Duration.ofSeconds(1));
        }
    }

    private static void awaitUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            ChildProcesses.sleep(Duration.ofNanos(wait));
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
