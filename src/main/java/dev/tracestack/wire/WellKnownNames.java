package dev.tracestack.wire;

/**
 * The fixed names one part uses to reach another: Services, the Elasticsearch cluster, the collector's
 * Jaeger exporter. A name here is part of the wire contract between two parts, not a choice of either.
 */
public final class WellKnownNames {

    /** The collector's Kubernetes ServiceAccount, the subject of its Workload Identity binding. */
    public static final String COLLECTOR_SERVICE_ACCOUNT = "otel-collector";
    /** The Service applications send spans to (the gateway tier). */
    public static final String COLLECTOR_SERVICE = "otel-collector";
    /** The collector's exporter to Jaeger; also the {@code exporter} label its self-telemetry carries. */
    public static final String JAEGER_EXPORTER = "otlp_grpc/jaeger";
    /** The Jaeger collector role's Service, which receives OTLP from the tracestack collector. */
    public static final String JAEGER_COLLECTOR_SERVICE = "jaeger-collector";
    public static final String JAEGER_QUERY_SERVICE = "jaeger-query";
    /** ECK names the HTTP Service of an {@code Elasticsearch} named {@code X} {@code X-es-http}. */
    public static final String ELASTICSEARCH_CLUSTER = "jaeger-es";

    private WellKnownNames() {
    }
}
