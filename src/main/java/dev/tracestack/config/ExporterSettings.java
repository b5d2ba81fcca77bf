package dev.tracestack.config;

/**
 * Which backends the collector sends spans to.
 *
 * @param cloudTrace Google Cloud Trace, through the collector's {@code googlecloud} exporter
 * @param jaeger     the stack's Jaeger collector; requires {@code jaeger.enabled}
 * @param bigQuery   the Pub/Sub topic whose subscription writes into BigQuery
 */
public record ExporterSettings(boolean cloudTrace, boolean jaeger, boolean bigQuery) {
}
