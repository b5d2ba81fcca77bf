package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracestack.programs.LoopbackPorts;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rewrites a deployed collector config to run on loopback: listen addresses to free ports, the
 * load-balancing exporter's resolver to the local samplers ({@link SamplerDiscovery}), the Jaeger Service to
 * the local Jaeger collector, the persistent queue's directory to a local one, and the two Google
 * exporters' endpoints to the local recorder of Google's APIs ({@link GoogleApiRecorder}), in plaintext.
 * Nothing else changes: the Google exporters run as deployed, with their project, queues and encodings.
 */
final class CollectorRewiring {

    /** The Cloud Trace and Cloud Monitoring exporter. */
    static final String GOOGLE_CLOUD = "googlecloud";
    /** The Pub/Sub exporter (to BigQuery). */
    static final String PUBSUB = "googlecloudpubsub";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CollectorRewiring() {
    }

    /**
     * Where one collector instance listens and what it talks to.
     *
     * @param otlpGrpc    the OTLP gRPC receiver's {@code host:port}
     * @param otlpHttp    the OTLP HTTP receiver's
     * @param zipkin      the Zipkin receiver's
     * @param jaegerGrpc  the Jaeger receiver's gRPC protocol
     * @param jaegerHttp  the Jaeger receiver's Thrift HTTP protocol
     * @param healthCheck the health_check extension's
     * @param zpages      the zPages extension's
     * @param selfTelemetry the loopback receiver its own telemetry is pushed into
     * @param metricsPort the port of the Prometheus endpoint of its own telemetry
     * @param samplers    the load-balancing exporter's resolver of the local samplers
     * @param jaegerOtlp  the local Jaeger collector's OTLP gRPC {@code host:port}
     * @param googleApis  the local recorder of Cloud Trace, Cloud Monitoring and Pub/Sub, {@code host:port}
     * @param state       the persistent queue's directory, kept across restarts of this instance
     */
    record Addresses(String otlpGrpc, String otlpHttp, String zipkin, String jaegerGrpc, String jaegerHttp,
                     String healthCheck, String zpages, String selfTelemetry, int metricsPort,
                     UnaryOperator<JsonNode> samplers, String jaegerOtlp, String googleApis, Path state) {

        /** Free ports for everything, OTLP gRPC at {@code otlpGrpc} (a sampler's address of its own). */
        static Addresses allocate(LoopbackPorts ports, String otlpGrpc, UnaryOperator<JsonNode> samplers,
                                  String jaegerOtlp, String googleApis, Path state) {
            return new Addresses(otlpGrpc, ports.address(), ports.address(), ports.address(), ports.address(),
                    ports.address(), ports.address(), ports.address(), ports.next(), samplers, jaegerOtlp, googleApis,
                    state);
        }
    }

    static RewiredConfig rewire(String name, String deployed, Addresses to) {
        RewiredConfig.Editor config = new RewiredConfig.Editor(deployed);
        config.set("/receivers/otlp/protocols/grpc/endpoint", v -> text(to.otlpGrpc()))
                .set("/receivers/otlp/protocols/http/endpoint", v -> text(to.otlpHttp()))
                .set("/receivers/zipkin/endpoint", v -> text(to.zipkin()))
                .set("/receivers/jaeger/protocols/grpc/endpoint", v -> text(to.jaegerGrpc()))
                .set("/receivers/jaeger/protocols/thrift_http/endpoint", v -> text(to.jaegerHttp()))
                .set("/receivers/otlp~1self/protocols/grpc/endpoint", v -> text(to.selfTelemetry()))
                .set("/extensions/health_check/endpoint", v -> text(to.healthCheck()))
                .set("/extensions/zpages/endpoint", v -> text(to.zpages()))
                .set("/extensions/file_storage/directory", v -> text(to.state().toString()))
                .set("/extensions/file_storage/compaction/directory", v -> text(to.state().toString()))
                .set("/exporters/load_balancing/resolver", to.samplers())
                .set("/service/telemetry/metrics/readers/*/pull/exporter/prometheus/host", v -> text(LoopbackPorts.HOST))
                .set("/service/telemetry/metrics/readers/*/pull/exporter/prometheus/port",
                        v -> IntNode.valueOf(to.metricsPort()))
                .set("/service/telemetry/metrics/readers/*/periodic/exporter/otlp/endpoint",
                        v -> text("http://" + to.selfTelemetry()));
        jaegerExporters(config.root()).forEach(id ->
                config.set("/exporters/" + RewiredConfig.Editor.escape(id) + "/endpoint", v -> text(to.jaegerOtlp())));
        pointGoogleExportersAt(config, to.googleApis());
        return config.build(name, deployed);
    }

    /** The exporters of type {@code otlp_grpc}: in a tracestack config, the ones sending to Jaeger. */
    private static List<String> jaegerExporters(ObjectNode root) {
        List<String> ids = new java.util.ArrayList<>();
        root.path("exporters").fieldNames().forEachRemaining(id -> {
            if (id.equals("otlp_grpc") || id.startsWith("otlp_grpc/")) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * The googlecloud exporter's {@code trace} and {@code metric} clients and the Pub/Sub exporter each
     * take an endpoint and a plaintext switch ({@code use_insecure}, {@code insecure}); in plaintext they
     * dial without credentials (opentelemetry-operations-go exporter/collector v0.59.0 config.go
     * {@code generateClientOptions}, googlecloudpubsubexporter v0.158.0 publisher_client.go), and both
     * configs name their project, so no credential is needed at all.
     */
    private static void pointGoogleExportersAt(RewiredConfig.Editor config, String endpoint) {
        JsonNode exporters = config.root().path("exporters");
        if (exporters.has(GOOGLE_CLOUD)) {
            for (String client : List.of("trace", "metric")) {
                String at = "/exporters/" + GOOGLE_CLOUD;
                if (exporters.path(GOOGLE_CLOUD).has(client)) {
                    config.add(at + "/" + client, "endpoint", text(endpoint))
                            .add(at + "/" + client, "use_insecure", BooleanNode.TRUE);
                } else {
                    config.add(at, client, NODES.objectNode().put("endpoint", endpoint).put("use_insecure", true));
                }
            }
        }
        if (exporters.has(PUBSUB)) {
            config.add("/exporters/" + PUBSUB, "endpoint", text(endpoint))
                    .add("/exporters/" + PUBSUB, "insecure", BooleanNode.TRUE);
        }
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
