package dev.tracestack.config;

/**
 * The host ports the local stack publishes ({@code tracestack:local.ports.<key>}), with seed 000's
 * numbers as defaults. Jaeger's UI listens on 16686 inside its container and is published as 10004,
 * Elasticsearch's 9200 as 9201; every other port keeps its container number.
 */
public enum HostPort {
    JAEGER_UI("jaegerUi", 10004),
    ELASTICSEARCH("elasticsearch", 9201),
    OTLP_GRPC("otlpGrpc", 4317),
    OTLP_HTTP("otlpHttp", 4318),
    ZIPKIN("zipkin", 9411),
    JAEGER_GRPC("jaegerGrpc", 14250),
    JAEGER_HTTP("jaegerHttp", 14268),
    COLLECTOR_HEALTH("collectorHealth", 13133),
    ZPAGES("zpages", 55679),
    COLLECTOR_METRICS("collectorMetrics", 8888);

    private final String key;
    private final int defaultPort;

    HostPort(String key, int defaultPort) {
        this.key = key;
        this.defaultPort = defaultPort;
    }

    /** The field name under {@code tracestack:local.ports}. */
    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
