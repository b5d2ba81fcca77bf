package dev.tracestack.config;

/**
 * A stack's whole config, typed, defaulted and validated: the only input of the renderers and of
 * {@code TracingStack}.
 *
 * @param stack             the Pulumi stack name
 * @param file              the stack file the values came from
 * @param environment       the environment the stack provisions
 * @param gcp               the Google Cloud project and region
 * @param kubernetes        the cluster context and namespace
 * @param sampling          head and tail sampling rates
 * @param retentionDays     how long spans are kept in BigQuery, Pub/Sub and Elasticsearch
 * @param jaeger            the Jaeger backend
 * @param detailedTracing   whether detailed (verbose) span attributes are kept
 * @param crossRegionBackup whether stateful data is backed up to a second region
 * @param exporters         which backends receive spans
 * @param alerts            notification channels and alert strictness
 * @param bigQuery          where the BigQuery trace dataset and its backup live
 * @param collector         how the OpenTelemetry Collector runs
 * @param platform          which platform receives the rendered artifacts
 * @param local             the Docker platform's engine, ports and images (used on {@code docker} only)
 * @param elasticsearch     Jaeger's Elasticsearch storage (used where Jaeger is enabled)
 * @param cost              traffic assumptions, budget and billing of the estimate (Kubernetes platform only)
 */
public record StackConfig(
        String stack,
        String file,
        Environment environment,
        GcpSettings gcp,
        KubernetesSettings kubernetes,
        SamplingSettings sampling,
        int retentionDays,
        JaegerSettings jaeger,
        boolean detailedTracing,
        boolean crossRegionBackup,
        ExporterSettings exporters,
        AlertSettings alerts,
        BigQuerySettings bigQuery,
        CollectorSettings collector,
        Platform platform,
        LocalSettings local,
        ElasticsearchSettings elasticsearch,
        CostSettings cost) {
}
