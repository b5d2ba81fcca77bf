package dev.tracestack.render;

/**
 * The names and ports the parts find each other by. One place, so that the collector's Jaeger exporter,
 * the Jaeger Services and the NetworkPolicies cannot drift apart.
 */
public final class Endpoints {

    /** Seed 000's port table. */
    public static final int OTLP_GRPC = 4317;
    public static final int OTLP_HTTP = 4318;
    public static final int ZIPKIN = 9411;
    public static final int JAEGER_GRPC = 14250;
    public static final int JAEGER_THRIFT_HTTP = 14268;
    public static final int JAEGER_REMOTE_SAMPLING = 5778;
    public static final int JAEGER_UI = 16686;
    public static final int JAEGER_QUERY_GRPC = 16685;
    public static final int HEALTH_CHECK = 13133;
    public static final int ZPAGES = 55679;
    public static final int COLLECTOR_METRICS = 8888;
    public static final int ELASTICSEARCH_HTTP = 9200;

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

    private Endpoints() {
    }

    /** The in-cluster DNS name of a Service. */
    public static String serviceHost(String service, String namespace) {
        return service + "." + namespace + ".svc.cluster.local";
    }

    /** The Pub/Sub topic the collector publishes spans to, for the BigQuery subscription. */
    public static String tracesTopic(String environment) {
        return "otel-traces-" + environment;
    }

    /** A topic's full name, {@code projects/<p>/topics/<t>}, as the exporter and dead-letter policies take it. */
    public static String topicPath(String project, String topic) {
        return "projects/" + project + "/topics/" + topic;
    }
}
