package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ATTRIBUTE_HASH_KEY;
import static dev.tracestack.config.ConfigKeys.COLLECTOR;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 * @param hashKey           the key of the keyed hash of {@code hashAttributes} ({@code tracestack:attributeHashKey})
 */
public record CollectorSettings(
        Receivers receivers,
        CollectorPorts ports,
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
        Optional<String> image,
        Optional<Secret> hashKey) {

    /**
     * What basic tracing drops (seed 004: dev runs "basic tracing only"): request and response headers and
     * metadata, bulky and seldom needed. Query texts and credential headers are deleted in every environment.
     */
    static final List<String> DEFAULT_DETAIL_ATTRIBUTES = List.of(
            "^http\\.request\\.header\\..+",
            "^http\\.response\\.header\\..+",
            "^rpc\\.grpc\\.(request|response)\\.metadata\\..+");

    /**
     * The smallest memory limit the collector is given. {@code memory_limiter} refuses data above
     * 80% - 25% = 55% of the limit; at 256 MiB that soft limit is 140 MiB, just above the contrib
     * binary's idle footprint (about 100 MiB) plus one batch in flight. Below it the limiter would
     * refuse spans permanently instead of only during spikes.
     */
    static final int MIN_MEMORY_LIMIT_MIB = 256;

    /** The redaction processor 0.158 refuses a shorter {@code hmac_key} for {@code hmac-sha256}. */
    static final int MIN_HASH_KEY_BYTES = 32;

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

    /** A replica range for a tier's HorizontalPodAutoscaler. */
    public record Replicas(int minReplicas, int maxReplicas) {
    }

    /**
     * Requests and limits of a collector container; units in the names. Memory is requested at its limit: every
     * tier holds exporter queues, and a pod using more than it requested is evicted first under node pressure.
     */
    public record Resources(int cpuRequestMillis, int cpuLimitMillis, int memoryLimitMiB) {
    }

    /** The exporters' queue on a PersistentVolumeClaim ({@code file_storage}). */
    public record PersistentQueue(boolean enabled, int sizeGiB) {
    }

    /** Reads the section with its defaults, and the hash key from the root; {@link #validate} checks them. */
    static CollectorSettings read(ConfigSection section, ConfigSection root, ConfigSource source) {
        ConfigSection receivers = section.section("receivers");
        ConfigSection resources = section.section("resources");
        ConfigSection queue = section.section("persistentQueue");
        return new CollectorSettings(
                new Receivers(receivers.bool("zipkin").orElse(true), receivers.bool("jaeger").orElse(false)),
                CollectorPorts.read(section.section("ports")),
                replicas(section.section("gateway")),
                replicas(section.section("sampler")),
                new Resources(resources.integer("cpuRequestMillis").orElse(200),
                        resources.integer("cpuLimitMillis").orElse(1000),
                        memoryLimit(resources)),
                new PersistentQueue(queue.bool("enabled").orElse(false), queue.integer("sizeGiB").orElse(10)),
                section.strings("allowedNamespaces").orElse(List.of()),
                section.strings("dropHttpRoutes").orElse(List.of("/health", "/metrics", "/ready")),
                section.strings("dropGrpcMethods").orElse(List.of("grpc.health.v1.Health/Check")),
                section.strings("hashAttributes").orElse(List.of("user.id")),
                section.strings("deleteAttributes").orElse(
                        List.of("patient.id", "password", "http.request.body", "http.response.body")),
                section.strings("detailAttributes").orElse(DEFAULT_DETAIL_ATTRIBUTES),
                section.string("image"),
                Secret.read(root, source, ATTRIBUTE_HASH_KEY));
    }

    /**
     * The collector's rules: replica ranges, a memory floor, requests within limits, distinct ports, names
     * and patterns that become Kubernetes names and OTTL literals, and a pinned image.
     */
    void validate(StackConfigValidator.Rules rules) {
        replicas(gateway, "gateway", rules);
        replicas(sampler, "sampler", rules);
        Resources r = resources;
        rules.check(r.memoryLimitMiB() >= MIN_MEMORY_LIMIT_MIB, COLLECTOR + ".resources.memoryLimitMiB",
                String.valueOf(r.memoryLimitMiB()), "must be at least " + MIN_MEMORY_LIMIT_MIB
                        + " MiB, or memory_limiter's soft limit (55% of it) falls below the collector's idle footprint");
        rules.check(r.cpuRequestMillis() > 0 && r.cpuRequestMillis() <= r.cpuLimitMillis(),
                COLLECTOR + ".resources.cpuRequestMillis", String.valueOf(r.cpuRequestMillis()),
                "must be within [1, " + COLLECTOR + ".resources.cpuLimitMillis (" + r.cpuLimitMillis() + ")]");
        rules.check(!persistentQueue.enabled() || persistentQueue.sizeGiB() >= 1,
                COLLECTOR + ".persistentQueue.sizeGiB", String.valueOf(persistentQueue.sizeGiB()),
                "must be at least 1 when the persistent queue is enabled");
        ports.validate(receivers, rules);
        allowedNamespaces.forEach(namespace -> rules.check(KubernetesSettings.DNS_LABEL.matcher(namespace).matches(),
                COLLECTOR + ".allowedNamespaces", namespace, "must hold Kubernetes namespace names (RFC 1123 labels)"));
        ottlLiterals(dropHttpRoutes, COLLECTOR + ".dropHttpRoutes", rules);
        ottlLiterals(dropGrpcMethods, COLLECTOR + ".dropGrpcMethods", rules);
        detailAttributes.forEach(pattern -> rules.check(isRegex(pattern), COLLECTOR + ".detailAttributes", pattern,
                "must hold regular expressions over attribute keys (the attributes processor's pattern)"));
        image.ifPresent(reference -> ImageVersions.pinnedTag(COLLECTOR + ".image", reference, rules));
        hashKey.flatMap(Secret::value).ifPresent(key -> rules.check(
                key.getBytes(StandardCharsets.UTF_8).length >= MIN_HASH_KEY_BYTES, ATTRIBUTE_HASH_KEY,
                "(secret, not shown)", "must be at least " + MIN_HASH_KEY_BYTES + " bytes, the redaction processor's "
                        + "minimum for hmac-sha256, e.g. `openssl rand -hex 32`"));
    }

    private static boolean isRegex(String pattern) {
        try {
            Pattern.compile(pattern);
            return !pattern.isEmpty();
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }

    /** The values become OTTL string literals; a quote or backslash would end or escape the literal. */
    private static void ottlLiterals(List<String> values, String key, StackConfigValidator.Rules rules) {
        values.forEach(value -> rules.check(!value.isEmpty() && value.indexOf('"') < 0 && value.indexOf('\\') < 0,
                key, value, "must hold non-empty values without quotes or backslashes (they become OTTL string literals)"));
    }

    private static void replicas(Replicas replicas, String tier, StackConfigValidator.Rules rules) {
        String min = COLLECTOR + "." + tier + ".minReplicas";
        String max = COLLECTOR + "." + tier + ".maxReplicas";
        rules.check(replicas.minReplicas() >= 1, min, String.valueOf(replicas.minReplicas()), "must be at least 1");
        rules.check(replicas.minReplicas() <= replicas.maxReplicas(), min, String.valueOf(replicas.minReplicas()),
                "must be <= " + max + " (" + replicas.maxReplicas() + ")");
    }

    /** The memory limit, also the request; a request of its own is a leftover of earlier stack files. */
    private static int memoryLimit(ConfigSection resources) {
        resources.integer("memoryRequestMiB").ifPresent(request -> resources.problem("memoryRequestMiB",
                String.valueOf(request), "must be removed: every collector tier holds exporter queues and requests its "
                        + "whole memory limit (memoryLimitMiB), so that it is not evicted first"));
        return resources.integer("memoryLimitMiB").orElse(1024);
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
