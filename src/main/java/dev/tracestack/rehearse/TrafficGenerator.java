package dev.tracestack.rehearse;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.programs.ChildProcesses;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Sends a seeded mix of traces over OTLP gRPC, the way instrumented services do: four services, each
 * with its own SDK per gateway replica, so the spans of one trace reach the collector through different
 * gateways and only routing by trace id can bring them together again. Given services with rates of their
 * own, a share of the traces is theirs alone: every span of such a trace comes from one of them.
 */
final class TrafficGenerator implements AutoCloseable {

    static final List<String> SERVICES = List.of("frontend", "checkout", "payments", "inventory");
    /** The share of traces, in percent, that stay within one of the given services. */
    static final int OWN_SERVICE_PERCENT = 30;

    /**
     * The SDK logs every failed export; the rehearsal counts them itself ({@link #undelivered()}), and
     * a gateway killed on purpose would otherwise fill the terminal. Held here: the logging system keeps
     * loggers only weakly.
     */
    private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("io.opentelemetry");
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final Random random;
    private final CollectorSettings collector;
    private final int slowThresholdMs;
    /** Tracers by service, then by gateway. */
    private final Map<String, List<Tracer>> tracers = new LinkedHashMap<>();
    /** Services whose own traces are sent besides the four's. */
    private final List<String> ownServices;
    private final List<SdkTracerProvider> providers = new ArrayList<>();
    private final Set<String> undelivered = ConcurrentHashMap.newKeySet();

    TrafficGenerator(List<String> gateways, long seed, CollectorSettings collector, int slowThresholdMs) {
        this(gateways, seed, collector, slowThresholdMs, List.of());
    }

    TrafficGenerator(List<String> gateways, long seed, CollectorSettings collector, int slowThresholdMs,
                     List<String> ownServices) {
        SDK_LOG.setLevel(java.util.logging.Level.OFF);
        this.random = new Random(seed);
        this.collector = collector;
        this.slowThresholdMs = slowThresholdMs;
        this.ownServices = List.copyOf(ownServices);
        SeededIds ids = new SeededIds(seed ^ 0x5DEECE66DL);
        for (String service : Stream.concat(SERVICES.stream(), ownServices.stream()).toList()) {
            List<Tracer> perGateway = new ArrayList<>();
            for (String gateway : gateways) {
                SdkTracerProvider provider = SdkTracerProvider.builder()
                        .setResource(Resource.create(Attributes.of(SERVICE_NAME, service)))
                        .setIdGenerator(ids)
                        .setSampler(Sampler.alwaysOn())
                        .addSpanProcessor(BatchSpanProcessor.builder(RecordingExporter.to(gateway, undelivered))
                                .setMaxQueueSize(1 << 17).setMaxExportBatchSize(256)
                                .setScheduleDelay(Duration.ofMillis(100)).build())
                        .build();
                providers.add(provider);
                perGateway.add(provider.get("tracestack-rehearsal"));
            }
            tracers.put(service, perGateway);
        }
    }

    /**
     * Sends {@code count} traces at about {@code perSecond}, calling {@code milestone} with the index of
     * each trace before it is sent (the rehearsal injects its faults there).
     */
    List<SentTrace> send(int count, double perSecond, IntConsumer milestone) {
        List<SentTrace> sent = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            milestone.accept(i);
            sent.add(trace(i, pickClass()));
            long due = start + (long) (i / perSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                ChildProcesses.sleep(Duration.ofNanos(wait));
            }
        }
        return sent;
    }

    /** Pushes out every span still buffered in the SDKs. */
    void flush() {
        providers.forEach(p -> p.forceFlush().join(60, TimeUnit.SECONDS));
    }

    /** Traces with spans the SDK could not hand to a gateway, after its own retries. */
    Set<String> undelivered() {
        return Set.copyOf(undelivered);
    }

    private TraceClass pickClass() {
        int draw = random.nextInt(100);
        return draw < 40 ? TraceClass.ORDINARY : draw < 55 ? TraceClass.ERROR : draw < 70 ? TraceClass.SLOW
                : draw < 85 ? TraceClass.NOISE : TraceClass.PII;
    }

    private SentTrace trace(int index, TraceClass traceClass) {
        // Only where there are services of their own is the draw made, so the mix of the others stays as it was.
        List<String> services = !ownServices.isEmpty() && random.nextInt(100) < OWN_SERVICE_PERCENT
                ? List.of(ownServices.get(random.nextInt(ownServices.size()))) : SERVICES;
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        if (traceClass == TraceClass.NOISE) {
            return noise(index, now, services);
        }
        long durationMs = traceClass == TraceClass.SLOW
                ? slowThresholdMs + 200 + random.nextInt(2000) : 20 + random.nextInt(400);
        long start = now - TimeUnit.MILLISECONDS.toNanos(durationMs);
        int spans = 3 + random.nextInt(4);
        PiiTraffic traffic = traceClass == TraceClass.PII ? PiiTraffic.of(index) : null;
        Map<String, String> pii = traffic != null ? traffic.attributes() : Map.of();
        Span root = tracer(services, 0, index).spanBuilder("GET /checkout").setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(start, TimeUnit.NANOSECONDS).setParent(Context.root())
                .setAttribute("http.route", "/checkout").setAttribute("http.request.method", "GET").startSpan();
        if (pii.containsKey("user.id")) {
            root.setAttribute("user.id", pii.get("user.id"));
        }
        int errorAt = traceClass == TraceClass.ERROR ? 1 + random.nextInt(spans - 1) : -1;
        long slice = (durationMs - 5) / (spans - 1);
        Set<String> touched = new TreeSet<>(Set.of(services.get(0)));
        for (int s = 1; s < spans; s++) {
            String service = services.get(s % services.size());
            touched.add(service);
            long childStart = start + TimeUnit.MILLISECONDS.toNanos(1 + (s - 1) * slice);
            Span child = tracer(services, s, index).spanBuilder(service + " work " + s).setSpanKind(SpanKind.INTERNAL)
                    .setParent(Context.root().with(root)).setStartTimestamp(childStart, TimeUnit.NANOSECONDS)
                    .startSpan();
            if (s == errorAt) {
                child.setStatus(StatusCode.ERROR, "payment declined");
            }
            if (s == 1) {
                pii.forEach((key, value) -> {
                    if (!key.equals("user.id")) {
                        child.setAttribute(key, value);
                    }
                });
            }
            child.end(childStart + TimeUnit.MILLISECONDS.toNanos(Math.max(1, slice - 1)), TimeUnit.NANOSECONDS);
        }
        if (errorAt > 0) {
            // The request fails with the call that failed, as an instrumented server reports it: the error-rate
            // objectives read server spans only, so without this no written series could show them working.
            root.setStatus(StatusCode.ERROR, "payment declined");
        }
        root.end(start + TimeUnit.MILLISECONDS.toNanos(durationMs), TimeUnit.NANOSECONDS);
        return new SentTrace(root.getSpanContext().getTraceId(), traceClass, spans, pii,
                traffic != null ? traffic.neverStored() : List.of(), touched);
    }

    /** A health check: one server span on a dropped HTTP route or a dropped gRPC method. */
    private SentTrace noise(int index, long now, List<String> services) {
        List<String> routes = collector.dropHttpRoutes();
        List<String> methods = collector.dropGrpcMethods();
        int pick = random.nextInt(routes.size() + methods.size());
        var builder = tracer(services, 0, index).spanBuilder("health").setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(now - TimeUnit.MILLISECONDS.toNanos(2), TimeUnit.NANOSECONDS)
                .setParent(Context.root());
        if (pick < routes.size()) {
            builder.setAttribute("http.route", routes.get(pick));
        } else {
            String method = methods.get(pick - routes.size());
            int slash = method.lastIndexOf('/');
            builder.setAttribute("rpc.system", "grpc").setAttribute("rpc.service", method.substring(0, slash))
                    .setAttribute("rpc.method", method.substring(slash + 1));
        }
        Span span = builder.startSpan();
        span.end(now, TimeUnit.NANOSECONDS);
        return new SentTrace(span.getSpanContext().getTraceId(), TraceClass.NOISE, 1, Map.of(), List.of(),
                Set.of(services.get(0)));
    }

    /** Span {@code s} of trace {@code index}: consecutive spans go through different gateways. */
    private Tracer tracer(List<String> services, int s, int index) {
        List<Tracer> perGateway = tracers.get(services.get(s % services.size()));
        return perGateway.get((s + index) % perGateway.size());
    }

    @Override
    public void close() {
        providers.forEach(p -> p.shutdown().join(30, TimeUnit.SECONDS));
    }
}
