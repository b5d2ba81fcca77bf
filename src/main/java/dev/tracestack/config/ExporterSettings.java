package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.EXPORTERS;

/**
 * Which backends the collector sends spans to ({@code tracestack:exporters}).
 *
 * @param cloudTrace Google Cloud Trace, through the collector's {@code googlecloud} exporter
 * @param jaeger     the stack's Jaeger collector; requires {@code jaeger.enabled}
 * @param bigQuery   the Pub/Sub topic whose subscription writes into BigQuery
 */
public record ExporterSettings(boolean cloudTrace, boolean jaeger, boolean bigQuery) {

    /** Exporting to Jaeger follows whether Jaeger is deployed unless the stack says otherwise. */
    static ExporterSettings read(ConfigSection root, JaegerSettings jaeger) {
        ConfigSection section = root.section(EXPORTERS);
        return new ExporterSettings(
                section.bool("cloudTrace").orElse(Defaults.EXPORT_CLOUD_TRACE),
                section.bool("jaeger").orElse(jaeger.enabled()),
                section.bool("bigQuery").orElse(Defaults.EXPORT_BIGQUERY));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.check(cloudTrace || jaeger || bigQuery, EXPORTERS, "all off",
                "must turn on at least one of cloudTrace, jaeger, bigQuery (the collector has nowhere to send spans)");
    }
}
