package dev.tracestack.wire;

/**
 * The ports the parts listen on and find each other by (seed 000's port table, plus the ports the
 * collector, Jaeger and Elasticsearch themselves fix). Config reads its defaults from here and the renderers
 * open and point at the same numbers, so a default, a listener and a NetworkPolicy cannot drift apart.
 */
public final class Ports {

    public static final int OTLP_GRPC = 4317;
    public static final int OTLP_HTTP = 4318;
    public static final int ZIPKIN = 9411;
    public static final int JAEGER_GRPC = 14250;
    public static final int JAEGER_THRIFT_HTTP = 14268;
    public static final int JAEGER_REMOTE_SAMPLING = 5778;
    public static final int JAEGER_UI = 16686;
    public static final int JAEGER_QUERY_GRPC = 16685;
    /** The health check of the collector and of Jaeger (both are collector builds). */
    public static final int HEALTH_CHECK = 13133;
    public static final int ZPAGES = 55679;
    /** The Prometheus endpoint of the collector's and Jaeger's own metrics. */
    public static final int COLLECTOR_METRICS = 8888;
    /** The collector's receiver of its own metrics push, on loopback only: no other pod reaches it. */
    public static final int COLLECTOR_SELF_TELEMETRY = 14317;
    public static final int ELASTICSEARCH_HTTP = 9200;
    /** Elasticsearch's node-to-node transport. */
    public static final int ELASTICSEARCH_TRANSPORT = 9300;

    private Ports() {
    }
}
