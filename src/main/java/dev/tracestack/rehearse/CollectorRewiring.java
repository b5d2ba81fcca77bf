package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rewrites a deployed collector config to run on loopback: listen addresses to free ports, the
 * load-balancing exporter's resolver to the local samplers ({@link SamplerDiscovery}), the Jaeger Service to
 * the local Jaeger collector, the persistent queue's directory to a local one, and the two Google
 * exporters to {@code file} exporters writing exactly what they would have sent. Nothing else changes.
 */
final class CollectorRewiring {

    /** The Cloud Trace and Cloud Monitoring exporter, and its stand-in. */
    static final String GOOGLE_CLOUD = "googlecloud";
    /** The Pub/Sub exporter (to BigQuery), and its stand-in. */
    static final String PUBSUB = "googlecloudpubsub";
    /** The googlecloud exporter's metrics to Cloud Monitoring, captured apart from its traces. */
    static final String GOOGLE_CLOUD_METRICS = "googlecloud-metrics";

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
     * @param capture     the directory the Google exporters' stand-ins write into
     * @param state       the persistent queue's directory, kept across restarts of this instance
     */
    record Addresses(String otlpGrpc, String otlpHttp, String zipkin, String jaegerGrpc, String jaegerHttp,
                     String healthCheck, String zpages, String selfTelemetry, int metricsPort, UnaryOperator<JsonNode> samplers,
                     String jaegerOtlp, Path capture, Path state) {

        /** Free ports for everything, OTLP gRPC at {@code otlpGrpc} (a sampler's address of its own). */
        static Addresses allocate(LoopbackPorts ports, String otlpGrpc, UnaryOperator<JsonNode> samplers,
                                  String jaegerOtlp, Path capture, Path state) {
            return new Addresses(otlpGrpc, ports.address(), ports.address(), ports.address(), ports.address(),
                    ports.address(), ports.address(), ports.address(), ports.next(), samplers, jaegerOtlp, capture, state);
        }
    }

    /** The capture file of an exporter id, as {@code received/} names it. */
    static String captureFile(String exporterId) {
        return exporterId.replace('/', '-') + ".jsonl";
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
        replaceGoogleExporters(config, to.capture());
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
     * Cloud Trace and Cloud Monitoring get OTLP JSON lines; Pub/Sub's stand-in encodes with the same
     * encoding extension the Pub/Sub exporter uses, so each line is one message's data as it would be
     * published. A stand-in writes through to its file ({@code rotation} bypasses the exporter's
     * one-second write buffer, and reopens the file for appending after a restart): what a real exporter
     * has handed to Google survives a crash of the collector, and so does what a stand-in has written.
     */
    private static void replaceGoogleExporters(RewiredConfig.Editor config, Path capture) {
        ObjectNode exporters = (ObjectNode) config.root().path("exporters");
        if (exporters.has(GOOGLE_CLOUD)) {
            // One stand-in per signal: a file exporter shared by several pipelines can be shut down by one
            // of them while another still writes (0.158 then dereferences its closed writer).
            config.rename("/exporters", GOOGLE_CLOUD, standIn(GOOGLE_CLOUD),
                    fileExporter(capture.resolve(captureFile(GOOGLE_CLOUD))).put("format", "json"));
            config.add("/exporters", standIn(GOOGLE_CLOUD_METRICS),
                    fileExporter(capture.resolve(captureFile(GOOGLE_CLOUD_METRICS))).put("format", "json"));
            renameInPipelines(config, GOOGLE_CLOUD, pipeline -> pipeline.startsWith("metrics")
                    ? standIn(GOOGLE_CLOUD_METRICS) : standIn(GOOGLE_CLOUD));
        }
        if (exporters.has(PUBSUB)) {
            String encoding = exporters.path(PUBSUB).path("traces").path("encoding").asText();
            ObjectNode standIn = fileExporter(capture.resolve(captureFile(PUBSUB)));
            if (!encoding.isEmpty()) {
                standIn.put("encoding", encoding);
            }
            config.rename("/exporters", PUBSUB, standIn(PUBSUB), standIn);
            renameInPipelines(config, PUBSUB, pipeline -> standIn(PUBSUB));
        }
    }

    private static ObjectNode fileExporter(Path file) {
        ObjectNode exporter = NODES.objectNode().put("path", file.toString());
        exporter.putObject("rotation").put("max_megabytes", 4096);
        return exporter;
    }

    static String standIn(String exporterId) {
        return "file/" + exporterId;
    }

    private static void renameInPipelines(RewiredConfig.Editor config, String exporterId,
                                          UnaryOperator<String> standInOfPipeline) {
        List<String> pipelines = new java.util.ArrayList<>();
        config.root().path("service").path("pipelines").fieldNames().forEachRemaining(pipelines::add);
        for (String pipeline : pipelines) {
            config.set("/service/pipelines/" + RewiredConfig.Editor.escape(pipeline) + "/exporters", list -> {
                ArrayNode renamed = NODES.arrayNode();
                list.forEach(id -> renamed.add(id.asText().equals(exporterId) ? standInOfPipeline.apply(pipeline) : id.asText()));
                return renamed;
            });
        }
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
