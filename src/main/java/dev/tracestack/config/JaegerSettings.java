package dev.tracestack.config;

/**
 * The Jaeger backend and its UI.
 *
 * @param enabled whether Jaeger (collector and query roles) and its Elasticsearch storage are deployed
 */
public record JaegerSettings(boolean enabled) {
}
