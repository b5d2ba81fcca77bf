package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.EnvironmentAttributes;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.ServiceAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Receiver and processor bodies, one small function each, from the typed config. */
final class CollectorProcessors {

    static final String MEMORY_LIMITER = "memory_limiter";
    static final String FILTER = "filter/noise";
    static final String RESOURCE = "resource/environment";
    static final String RESERVED_SPAN_ATTRIBUTES = "attributes/reserved";
    static final String RESERVED_RESOURCE_ATTRIBUTES = "resource/reserved";
    static final String SPAN_METRICS_RESOURCE = "resource/spanmetrics";
    static final String SPAN_METRICS_FILTER = "filter/spanmetrics";
    static final String TAIL_SAMPLING = "tail_sampling";
    static final String BATCH = "batch";
    static final String SELF_FILTER = "filter/self";
    /** The upstream chart's split: hard limit at 80% of the container limit, spikes of 25% on top of the soft limit. */
    static final int LIMIT_PERCENT = 80;
    static final int SPIKE_PERCENT = 25;

    private CollectorProcessors() {
    }

    static Map<String, Object> receivers(CollectorSettings s, CollectorTier tier) {
        Map<String, Object> receivers = Body.of();
        Map<String, Object> protocols = Body.of("grpc", Body.of("endpoint", listen(s.ports().otlpGrpc())));
        if (tier.role() == CollectorTier.Role.GATEWAY) {
            protocols.put("http", Body.of("endpoint", listen(s.ports().otlpHttp())));
        }
        receivers.put("otlp", Body.of("protocols", protocols));
        if (tier.role() == CollectorTier.Role.GATEWAY && s.receivers().zipkin()) {
            receivers.put("zipkin", Body.of("endpoint", listen(s.ports().zipkin())));
        }
        if (tier.role() == CollectorTier.Role.GATEWAY && s.receivers().jaeger()) {
            receivers.put("jaeger", Body.of("protocols", Body.of(
                    "grpc", Body.of("endpoint", listen(s.ports().jaegerGrpc())),
                    "thrift_http", Body.of("endpoint", listen(s.ports().jaegerThriftHttp())))));
        }
        return receivers;
    }

    /**
     * Limits in MiB derived from the container's memory limit, so the limiter acts before the kernel
     * kills. The limiter rejects a spike limit not below the limit; 25% of it always is.
     */
    static Map<String, Object> memoryLimiter(CollectorSettings s) {
        int limit = limitMiB(s);
        return Body.of("check_interval", "1s", "limit_mib", limit, "spike_limit_mib", limit * SPIKE_PERCENT / 100);
    }

    static int limitMiB(CollectorSettings s) {
        return s.resources().memoryLimitMiB() * LIMIT_PERCENT / 100;
    }

    /**
     * OTTL conditions; a span matching any of them is dropped. {@code traces.span} is the form with an
     * explicit context: contrib 0.158 still accepts it next to the newer {@code trace_conditions}.
     */
    static Map<String, Object> filter(CollectorSettings s) {
        List<String> conditions = new ArrayList<>();
        s.dropHttpRoutes().forEach(route -> conditions.add("attributes[\"http.route\"] == \"" + route + "\""));
        s.dropGrpcMethods().forEach(method -> conditions.add(
                "Concat([attributes[\"rpc.service\"], attributes[\"rpc.method\"]], \"/\") == \"" + method + "\""));
        return Body.of("error_mode", "ignore", "traces", Body.of("span", conditions));
    }

    /**
     * Span metrics carry the resource of the spans they count, and the googlecloud exporter picks their
     * monitored resource from it (opentelemetry-operations-go, {@code internal/resourcemapping}):
     * {@code cloud.platform} picks a platform's types ({@code k8s_container} for a GKE pod's spans), else
     * {@code service.name} with {@code service.instance.id} a {@code generic_task}, else a {@code generic_node}.
     * Removing the two attributes that choose puts every span metric on {@code generic_node}, the one type the
     * alerts restrict them to, whoever sent the spans; {@code host.id} or {@code host.name} stay, as its
     * {@code node_id}, so that the series of different hosts stay apart.
     */
    static Map<String, Object> spanMetricsResource() {
        return Body.of("attributes", List.of(
                Body.of("key", "cloud.platform", "action", "delete"),
                Body.of("key", "service.instance.id", "action", "delete")));
    }

    /**
     * The objectives, and the dashboard charts made from them, read the span metrics of
     * {@code tracestack:alerts.objectiveSpanKinds} only; the points of the other kinds (a service's client and
     * internal spans) are dropped before the exporter, which Cloud Monitoring bills by the byte.
     */
    static Map<String, Object> spanMetricsFilter(StackConfig config) {
        List<String> kept = config.alerts().objectiveSpanKinds().stream()
                .map(kind -> "attributes[\"span.kind\"] != \"" + kind.dimensionValue() + "\"").toList();
        return Body.of("error_mode", "ignore", "metrics", Body.of("datapoint", List.of(String.join(" and ", kept))));
    }

    /**
     * The gateway deletes every attribute in the stack's own namespace that a sender wrote, on spans and on their
     * resource (the span metrics connector reads a dimension from either), before it sets its own: a client
     * that labels its spans with another service's objective or team would move them out of their alerts.
     */
    static Map<String, Object> reservedSpanAttributes() {
        return Body.of("actions", List.of(reservedDeletion()));
    }

    static Map<String, Object> reservedResourceAttributes() {
        return Body.of("attributes", List.of(reservedDeletion()));
    }

    private static Map<String, Object> reservedDeletion() {
        return Body.of("pattern", "^" + ServiceAttributes.RESERVED_PREFIX.replace(".", "\\.") + ".*", "action", "delete");
    }

    static Map<String, Object> resource(StackConfig config) {
        return Body.of("attributes", EnvironmentAttributes.ALL.stream().map(key -> Body.of(
                "key", key, "value", config.environment().id(), "action", "upsert")).toList());
    }

    static Map<String, Object> tailSampling(StackConfig config) {
        List<Object> policies = new ArrayList<>();
        SamplingPolicies.of(config).forEach(p -> policies.add(p.body(config.sampling().slowThresholdMs())));
        return Body.of("decision_wait", "10s", "num_traces", 50000, "policies", policies);
    }

    /** Seed 004 §10.2's batch sizes. */
    static Map<String, Object> batch() {
        return Body.of("timeout", "5s", "send_batch_size", 2048, "send_batch_max_size", 4096);
    }

    /**
     * The collector's telemetry also carries the instruments of the libraries its exporters use (gRPC client
     * call durations, the googlecloud exporter's point counts: measured by SelfTelemetryIT), which no alert or
     * dashboard reads and which would be paid series. Only the collector's own names pass: {@code otelcol_*}
     * in 0.158, {@code otelcol.*} for its pipeline telemetry ({@code telemetry.newPipelineTelemetry}).
     */
    static Map<String, Object> selfFilter() {
        return Body.of("error_mode", "ignore",
                "metrics", Body.of("metric", List.of("not IsMatch(name, \"^otelcol[._]\")")));
    }

    /**
     * The receiver of the collector's own metrics push, on loopback: the application-facing {@code otlp} receiver
     * has no metrics pipeline, so no pod can write a series named like the collector's, which the alerts read.
     */
    static Map<String, Object> selfTelemetryReceiver() {
        return Body.of("protocols", Body.of("grpc", Body.of("endpoint", "localhost:" + Ports.COLLECTOR_SELF_TELEMETRY)));
    }

    static String listen(int port) {
        return "0.0.0.0:" + port;
    }
}
