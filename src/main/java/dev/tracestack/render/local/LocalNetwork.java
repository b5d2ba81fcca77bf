package dev.tracestack.render.local;

import dev.tracestack.wire.Ports;

/**
 * How the local stack's containers find each other: by their aliases on the stack's private Docker
 * network. The renderers get these endpoints on the docker platform instead of the cluster's Service
 * names, and the containers carry them as aliases, so the two cannot drift apart.
 */
public final class LocalNetwork {

    public static final String ELASTICSEARCH = "elasticsearch";
    public static final String JAEGER = "jaeger";
    public static final String COLLECTOR = "otel-collector";

    private LocalNetwork() {
    }

    /** Elasticsearch's HTTP API on the network (plain HTTP: see docs/local.md for why). */
    public static String elasticsearchUrl() {
        return "http://" + ELASTICSEARCH + ":" + Ports.ELASTICSEARCH_HTTP;
    }

    /** Jaeger's OTLP gRPC receiver, where the collector's {@code otlp_grpc/jaeger} exporter sends spans. */
    public static String jaegerOtlpEndpoint() {
        return JAEGER + ":" + Ports.OTLP_GRPC;
    }
}
