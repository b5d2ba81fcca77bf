package dev.tracestack.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stack's whole config, typed, defaulted and validated: the only input of the renderers. Every section is a
 * record that reads and validates itself; the top-level scalars are {@link CoreSettings}; the rules that span
 * sections are {@link CrossSectionRules}.
 *
 * @param stack         the Pulumi stack name
 * @param file          the stack file the values came from
 * @param core          the top-level scalars: environment, platform, retention, detailed tracing, backup
 * @param gcp           the Google Cloud project and region
 * @param kubernetes    the cluster context and namespace
 * @param sampling      head and tail sampling rates
 * @param jaeger        the Jaeger backend
 * @param exporters     which backends receive spans
 * @param alerts        notification channels and alert strictness
 * @param bigQuery      where the BigQuery trace dataset and its backup live
 * @param collector     how the OpenTelemetry Collector runs
 * @param local         the Docker platform's engine, ports and images (used on {@code docker} only)
 * @param elasticsearch Jaeger's Elasticsearch storage (used where Jaeger is enabled)
 * @param cost          traffic assumptions, budget and billing of the estimate (Kubernetes platform only)
 * @param services      the services with sampling, objectives or a team of their own
 */
@JsonPropertyOrder({"stack", "file", "environment", "gcp", "kubernetes", "sampling", "retentionDays", "jaeger",
        "detailedTracing", "crossRegionBackup", "exporters", "alerts", "bigQuery", "collector", "platform", "local",
        "elasticsearch", "cost", "services"})
public record StackConfig(
        String stack,
        String file,
        @JsonIgnore CoreSettings core,
        GcpSettings gcp,
        KubernetesSettings kubernetes,
        SamplingSettings sampling,
        JaegerSettings jaeger,
        ExporterSettings exporters,
        AlertSettings alerts,
        BigQuerySettings bigQuery,
        CollectorSettings collector,
        LocalSettings local,
        ElasticsearchSettings elasticsearch,
        CostSettings cost,
        ServiceCatalog services) {

    /** The environment the stack provisions. */
    @JsonProperty
    public Environment environment() {
        return core.environment();
    }

    /** Which platform receives the rendered artifacts. */
    @JsonProperty
    public Platform platform() {
        return core.platform();
    }

    /** How long spans are kept in BigQuery, Pub/Sub and Elasticsearch. */
    @JsonProperty
    public int retentionDays() {
        return core.retentionDays();
    }

    /** How long Elasticsearch keeps Jaeger's spans: its own hot window, or the stack's retention. */
    public int elasticsearchRetentionDays() {
        return elasticsearch().retentionDays(retentionDays());
    }

    /** Whether detailed (verbose) span attributes are kept. */
    @JsonProperty
    public boolean detailedTracing() {
        return core.detailedTracing();
    }

    /** Whether stateful data is backed up to a second region. */
    @JsonProperty
    public boolean crossRegionBackup() {
        return core.crossRegionBackup();
    }
}
