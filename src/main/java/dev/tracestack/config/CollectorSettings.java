package dev.tracestack.config;

import java.util.List;
import java.util.Optional;

/**
 * How the OpenTelemetry Collector runs: which receivers it opens, how big and how many its pods are,
 * what it drops and redacts, and who may send to it ({@code tracestack:collector}).
 *
 * @param receivers         which optional receivers are on; OTLP is always on (see {@link Receivers})
 * @param ports             the receivers' container ports
 * @param gateway           replica range of the tier applications send to
 * @param sampler           replica range of the tail-sampling tier (used only when sampling drops traces)
 * @param resources         CPU and memory of every collector container
 * @param persistentQueue   whether exporters queue on a volume, surviving restarts
 * @param allowedNamespaces namespaces, besides the collector's own, whose pods may send spans
 * @param dropHttpRoutes    {@code http.route} values whose spans are dropped (health checks, scrapes)
 * @param dropGrpcMethods   full gRPC methods ({@code service/method}) whose spans are dropped
 * @param hashAttributes    span attributes replaced by their hash (pseudonymised)
 * @param deleteAttributes  span attributes removed
 * @param detailAttributes  regular expressions over span attribute keys whose attributes are kept only
 *                          with {@code tracestack:detailedTracing}: the bulky detail (queries, headers)
 *                          that basic tracing leaves out
 * @param image             the collector image override; empty uses {@link #DEFAULT_IMAGE}
 */
public record CollectorSettings(
        Receivers receivers,
        Ports ports,
        Replicas gateway,
        Replicas sampler,
        Resources resources,
        PersistentQueue persistentQueue,
        List<String> allowedNamespaces,
        List<String> dropHttpRoutes,
        List<String> dropGrpcMethods,
        List<String> hashAttributes,
        List<String> deleteAttributes,
        List<String> detailAttributes,
        Optional<String> image) {

    /**
     * What basic tracing drops (seed 004: dev runs "basic tracing only"): full query texts and request or
     * response headers and metadata, the largest and least often needed attributes of a span.
     */
    static final List<String> DEFAULT_DETAIL_ATTRIBUTES = List.of(
            "^db\\.statement$",
            "^db\\.query\\.text$",
            "^http\\.request\\.header\\..+",
            "^http\\.response\\.header\\..+",
            "^rpc\\.grpc\\.(request|response)\\.metadata\\..+");

    /** The contrib distribution the OTel Helm chart 0.170 ships; contrib has every component used here. */
    public static final String DEFAULT_IMAGE = "otel/opentelemetry-collector-contrib:0.158.0";

    /**
     * Optional receivers. OTLP is not switchable: the sampling tier and the collector's own metrics
     * arrive over it.
     *
     * @param zipkin Zipkin v2 (Envoy and Istio sidecars)
     * @param jaeger Jaeger gRPC and Thrift HTTP (legacy Jaeger clients)
     */
    public record Receivers(boolean zipkin, boolean jaeger) {
    }

    /** Container ports of the receivers. */
    public record Ports(int otlpGrpc, int otlpHttp, int zipkin, int jaegerGrpc, int jaegerThriftHttp) {
    }

    /** A replica range for a tier's HorizontalPodAutoscaler. */
    public record Replicas(int minReplicas, int maxReplicas) {
    }

    /** Requests and limits of a collector container; units in the names. */
    public record Resources(int cpuRequestMillis, int cpuLimitMillis, int memoryRequestMiB, int memoryLimitMiB) {
    }

    /** The exporters' queue on a PersistentVolumeClaim ({@code file_storage}). */
    public record PersistentQueue(boolean enabled, int sizeGiB) {
    }

    /** Reads the section with its defaults; checks come later, in {@link CollectorRules}. */
    static CollectorSettings read(ConfigSection section) {
        ConfigSection receivers = section.section("receivers");
        ConfigSection ports = section.section("ports");
        ConfigSection resources = section.section("resources");
        ConfigSection queue = section.section("persistentQueue");
        return new CollectorSettings(
                new Receivers(receivers.bool("zipkin").orElse(true), receivers.bool("jaeger").orElse(false)),
                new Ports(ports.integer("otlpGrpc").orElse(dev.tracestack.wire.Ports.OTLP_GRPC),
                        ports.integer("otlpHttp").orElse(dev.tracestack.wire.Ports.OTLP_HTTP),
                        ports.integer("zipkin").orElse(dev.tracestack.wire.Ports.ZIPKIN),
                        ports.integer("jaegerGrpc").orElse(dev.tracestack.wire.Ports.JAEGER_GRPC),
                        ports.integer("jaegerThriftHttp").orElse(dev.tracestack.wire.Ports.JAEGER_THRIFT_HTTP)),
                replicas(section.section("gateway")),
                replicas(section.section("sampler")),
                new Resources(resources.integer("cpuRequestMillis").orElse(200),
                        resources.integer("cpuLimitMillis").orElse(1000),
                        resources.integer("memoryRequestMiB").orElse(512),
                        resources.integer("memoryLimitMiB").orElse(1024)),
                new PersistentQueue(queue.bool("enabled").orElse(false), queue.integer("sizeGiB").orElse(10)),
                section.strings("allowedNamespaces").orElse(List.of()),
                section.strings("dropHttpRoutes").orElse(List.of("/health", "/metrics", "/ready")),
                section.strings("dropGrpcMethods").orElse(List.of("grpc.health.v1.Health/Check")),
                section.strings("hashAttributes").orElse(List.of("user.id")),
                section.strings("deleteAttributes").orElse(
                        List.of("patient.id", "password", "http.request.body", "http.response.body")),
                section.strings("detailAttributes").orElse(DEFAULT_DETAIL_ATTRIBUTES),
                section.string("image"));
    }

    /** Two replicas by default so that a node drain never leaves a tier empty. */
    private static Replicas replicas(ConfigSection section) {
        return new Replicas(section.integer("minReplicas").orElse(2), section.integer("maxReplicas").orElse(4));
    }

    /** The image to run: the override or the pinned default. */
    public String effectiveImage() {
        return image.orElse(DEFAULT_IMAGE);
    }

    /** The image's tag, used as {@code app.kubernetes.io/version}. */
    public String version() {
        String ref = effectiveImage();
        return ref.substring(ref.lastIndexOf(':') + 1);
    }
}
