package dev.tracestack.config;

import dev.tracestack.wire.Ports;

/**
 * The host ports the local stack publishes ({@code tracestack:local.ports.<key>}), with seed 000's
 * numbers as defaults. Jaeger's UI listens on 16686 inside its container and is published as 10004,
 * Elasticsearch's 9200 as 9201; every other port keeps its container number.
 */
public enum HostPort {
    JAEGER_UI("jaegerUi", 10004),
    ELASTICSEARCH("elasticsearch", 9201),
    OTLP_GRPC("otlpGrpc", Ports.OTLP_GRPC),
    OTLP_HTTP("otlpHttp", Ports.OTLP_HTTP),
    ZIPKIN("zipkin", Ports.ZIPKIN),
    JAEGER_GRPC("jaegerGrpc", Ports.JAEGER_GRPC),
    JAEGER_HTTP("jaegerHttp", Ports.JAEGER_THRIFT_HTTP),
    COLLECTOR_HEALTH("collectorHealth", Ports.HEALTH_CHECK),
    ZPAGES("zpages", Ports.ZPAGES),
    COLLECTOR_METRICS("collectorMetrics", Ports.COLLECTOR_METRICS);

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
