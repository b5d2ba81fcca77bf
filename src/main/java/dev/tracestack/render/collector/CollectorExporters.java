package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.PlatformEndpoints;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exporter, connector and extension bodies, and the collector's own telemetry. */
final class CollectorExporters {

    static final String GOOGLE_CLOUD = "googlecloud";
    /**
     * Type {@code otlp_grpc}: {@code otlp} is its deprecated alias since collector 0.144 (accepted in
     * 0.158, with a warning at start). The id is the cross-part contract and the {@code exporter} label
     * the monitoring part filters on, so renaming it breaks the Jaeger alerts and dashboard.
     */
    static final String JAEGER = WellKnownNames.JAEGER_EXPORTER;
    static final String PUBSUB = "googlecloudpubsub";
    /** {@code load_balancing}: contrib renamed the type in 0.153; {@code loadbalancing} is a deprecated alias. */
    static final String LOAD_BALANCING = "load_balancing";
    /** {@code span_metrics}: contrib renamed the type before 0.157; {@code spanmetrics} is a deprecated alias. */
    static final String SPANMETRICS = "span_metrics";
    static final String FILE_STORAGE = "file_storage";
    /** An {@code otlp_encoding} extension (its type in contrib 0.158) named {@code json}. */
    static final String OTLP_JSON = "otlp_encoding/json";
    /** Cloud Monitoring's prefix for workload metrics; the monitoring part's alerts read these types. */
    static final String METRIC_PREFIX = "workload.googleapis.com/";
    static final String SPAN_METRICS_NAMESPACE = "traces.span.metrics";
    /** The self-telemetry push's timeout in milliseconds (the v0.3.0 schema's unit). */
    static final int SELF_PUSH_TIMEOUT_MILLIS = 2000;

    private CollectorExporters() {
    }

    /**
     * No {@code retry_on_failure}: in contrib 0.158 the googlecloud exporter has {@code sending_queue}
     * and {@code timeout} only (an unknown key fails the collector's start; the Google client library
     * retries). The prefix is joined to metric names with a path join, so its trailing slash adds none.
     */
    static Map<String, Object> googleCloud(StackConfig config, boolean persistent) {
        return Body.of("project", config.gcp().project(),
                "metric", Body.of("prefix", METRIC_PREFIX),
                "sending_queue", queue(persistent));
    }

    /**
     * OTLP to Jaeger's collector role; plaintext inside the cluster (the NetworkPolicy limits who talks)
     * or on the local stack's private Docker network.
     */
    static Map<String, Object> jaeger(StackConfig config, boolean persistent) {
        return Body.of("endpoint", PlatformEndpoints.of(config).jaegerOtlp(),
                "tls", Body.of("insecure", true),
                "sending_queue", queue(persistent),
                "retry_on_failure", retry(persistent));
    }

    /**
     * OTLP JSON so the BigQuery subscription can write messages as they are. In contrib 0.158 the
     * encoding is chosen per signal ({@code traces.encoding}) by the id of an encoding extension;
     * there is no top-level {@code encoding}. No {@code compression}: gzip is its only value and the
     * JSON column needs plain text. The topic must be the full {@code projects/<p>/topics/<t>} name
     * (the exporter validates it) and must exist: the exporter does not create it.
     */
    static Map<String, Object> pubsub(StackConfig config, boolean persistent) {
        String topic = Names.topicPath(config.gcp().project(), Names.tracesTopic(config.environment().id()));
        return Body.of("project", config.gcp().project(),
                "topic", topic,
                "traces", Body.of("encoding", OTLP_JSON, "attributes", pubsubAttributes()),
                "sending_queue", queue(persistent),
                "retry_on_failure", retry(persistent));
    }

    /**
     * With an encoding extension the exporter drops its CloudEvent attributes; a {@code ce-type} makes
     * it add {@code ce-id}, {@code ce-time} and {@code ce-source} again, and {@code content-type} says the
     * data is JSON, so raw rows (the subscription writes attributes) stay self-describing.
     */
    static Map<String, Object> pubsubAttributes() {
        return Body.of("ce-type", "org.opentelemetry.otlp.traces.v1", "content-type", "application/json");
    }

    /**
     * Routes every span of a trace to the same sampler pod. DNS on the sampler's headless Service
     * needs no RBAC (the k8s resolver would need to watch EndpointSlices). Queue and retries sit on the
     * exporter itself, not on its per-endpoint OTLP sub-exporters: a retried batch is routed again
     * against the current set of sampler pods instead of waiting for a pod that is gone. The DNS
     * resolver's {@code port} is a string in the exporter's config.
     */
    static Map<String, Object> loadBalancing(StackConfig config) {
        CollectorSettings s = config.collector();
        String sampler = Names.serviceHost(CollectorTier.workload(CollectorTier.Role.SAMPLER),
                config.kubernetes().namespace());
        return Body.of("routing_key", "traceID",
                "protocol", Body.of("otlp", Body.of("tls", Body.of("insecure", true),
                        "sending_queue", Body.of("enabled", false), "retry_on_failure", Body.of("enabled", false))),
                "resolver", Body.of("dns", Body.of("hostname", sampler, "port", String.valueOf(s.ports().otlpGrpc()))),
                "sending_queue", queue(false),
                "retry_on_failure", retry(false));
    }

    /**
     * The connector's default dimension no alert or dashboard reads: objectives are per service and span kind
     * (tracestack:alerts.objectiveSpanKinds), so calls and durations are summed per service, span kind and status
     * code. Each operation of each service was a series of its own, at every flush, on every gateway pod, in Cloud
     * Monitoring, which bills by the byte.
     */
    static final List<String> SPAN_METRICS_EXCLUDED = List.of("span.name");
    /**
     * A backstop, per resource (service): five span kinds by three status codes are the 15 combinations expected;
     * whatever a new dimension adds beyond 20 lands in one series marked {@code otel.metric.overflow}, not in a
     * series each.
     */
    static final int SPAN_METRICS_CARDINALITY_LIMIT = 20;

    /**
     * Request, error and duration metrics per service, span kind and status code; buckets include the 2 s slow
     * line. The connector reads buckets as durations whatever the unit; {@code unit: ms} is explicit because
     * the default is moving to {@code s}. Of the default dimensions, service.name, span.kind, status.code and
     * collector.instance.id (each gateway pod writes series of its own) stay; the services' objectives and teams
     * are added as {@code dimensions} where a service has them.
     */
    static Map<String, Object> spanMetrics(List<Object> dimensions) {
        Map<String, Object> connector = Body.of("namespace", SPAN_METRICS_NAMESPACE,
                "histogram", Body.of("unit", "ms", "explicit", Body.of("buckets",
                        List.of("5ms", "10ms", "25ms", "50ms", "100ms", "250ms", "500ms", "1s", "2s", "5s", "10s"))),
                "aggregation_temporality", "AGGREGATION_TEMPORALITY_CUMULATIVE",
                "metrics_flush_interval", "60s",
                "exclude_dimensions", SPAN_METRICS_EXCLUDED,
                "aggregation_cardinality_limit", SPAN_METRICS_CARDINALITY_LIMIT);
        if (!dimensions.isEmpty()) {
            connector.put("dimensions", dimensions);
        }
        return connector;
    }

    /**
     * {@code health_check} is the v1 extension: {@code healthcheckv2} is not in the contrib 0.158
     * distribution. {@code file_storage} checks at start that both directories exist (the volume is
     * mounted there). {@code otlp_encoding} takes {@code protocol: otlp_json} or {@code otlp_proto}, and
     * an encoding extension works only when {@code service.extensions} starts it.
     */
    static Map<String, Object> extensions(StackConfig config, boolean persistent, boolean pubsub) {
        Map<String, Object> extensions = Body.of(
                "health_check", Body.of("endpoint", CollectorProcessors.listen(Ports.HEALTH_CHECK)),
                "zpages", Body.of("endpoint", PlatformEndpoints.of(config).zpagesListen()));
        if (persistent) {
            extensions.put(FILE_STORAGE, Body.of("directory", CollectorConfigRenderer.QUEUE_DIRECTORY,
                    "timeout", "10s", "compaction", Body.of("on_start", true,
                            "directory", CollectorConfigRenderer.QUEUE_DIRECTORY)));
        }
        if (pubsub) {
            extensions.put(OTLP_JSON, Body.of("protocol", "otlp_json"));
        }
        return extensions;
    }

    /**
     * Prometheus on 8888 for scraping, and a push of the same metrics into this collector's loopback receiver
     * {@code otlp/self} so they reach Cloud Monitoring through the {@code metrics/self} pipeline (only where
     * there is Google Cloud: without that pipeline there is no receiver to push to). The collector
     * 0.158 reads readers in the declarative configuration schema v0.3.0: the push exporter is
     * {@code otlp} with {@code protocol: grpc} (that schema knows no {@code otlp_grpc} exporter),
     * {@code interval} is in milliseconds and an {@code http://} endpoint means plaintext.
     */
    static Map<String, Object> telemetry(boolean googleCloud) {
        // At shutdown the reader pushes once more, into a receiver that is already closed: the push's
        // timeout is how long every collector's termination stalls (10 s by default; measured 2 s with this).
        List<Object> readers = new ArrayList<>();
        readers.add(Body.of("pull", Body.of("exporter", Body.of("prometheus",
                Body.of("host", "0.0.0.0", "port", Ports.COLLECTOR_METRICS)))));
        if (googleCloud) {
            readers.add(Body.of("periodic", Body.of("interval", 60000, "exporter", Body.of("otlp",
                    Body.of("protocol", "grpc", "endpoint", "http://localhost:" + Ports.COLLECTOR_SELF_TELEMETRY,
                            "insecure", true, "timeout", SELF_PUSH_TIMEOUT_MILLIS)))));
        }
        return Body.of("metrics", Body.of("level", "normal", "readers", readers));
    }

    /**
     * {@code enabled} is read by the queue's optional wrapper, not by the queue itself. An in-memory queue counts
     * items (spans or metric points), so its size bounds its memory: {@link QueueBudget} sets {@code queue_size}
     * once the tier's pipelines are known. A persistent queue counts the bytes of the requests it holds on the
     * volume, so that its size bounds the disk it takes ({@link QueueBudget} again), writes each request before
     * the receiver answers, and batches what it reads back with the batch
     * processor's sizes, in spans ({@code sizer: items}: the Pub/Sub exporter's queue has no batch default, so it
     * must be said; the tier has no batch processor: it would hold acknowledged spans in memory).
     */
    private static Map<String, Object> queue(boolean persistent) {
        if (!persistent) {
            return Body.of("enabled", true, "num_consumers", QueueBudget.NUM_CONSUMERS, "sizer", "items", "queue_size", 0);
        }
        return Body.of("enabled", true, "num_consumers", QueueBudget.NUM_CONSUMERS, "sizer", "bytes", "queue_size", 0,
                "storage", FILE_STORAGE,
                "batch", Body.of("flush_timeout", "5s", "min_size", 2048, "max_size", 4096, "sizer", "items"));
    }

    /**
     * Five minutes of retries, then the batch is dropped; on a persistent queue, no limit: the batch stays on the
     * volume until the backend takes it, so an outage is bounded by the queue's size
     * ({@code QueueOutage}), not by the retry's clock.
     */
    private static Map<String, Object> retry(boolean persistent) {
        return Body.of("enabled", true, "initial_interval", "5s", "max_interval", "30s",
                "max_elapsed_time", persistent ? "0s" : "300s");
    }
}
