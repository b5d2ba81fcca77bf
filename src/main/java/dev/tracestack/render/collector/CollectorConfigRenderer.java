package dev.tracestack.render.collector;

import static dev.tracestack.render.collector.CollectorExporters.*;
import static dev.tracestack.render.collector.CollectorProcessors.*;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.ConfigMapLimit;
import dev.tracestack.render.PlatformEndpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders each collector tier's configuration from the typed stack config. Pure: no Pulumi types. A tier
 * whose pipelines name a component no section defines, or that defines one no pipeline uses, is refused.
 *
 * <p>Span metrics are computed on the gateway, from every span before tail sampling, so request
 * rates, error rates and latencies in Cloud Monitoring are unbiased by the sampling rates. Sampled
 * traces leave from the tier that makes the final decision: the sampler when there is one, otherwise
 * the gateway.
 */
public final class CollectorConfigRenderer {

    /** Where the persistent queue's volume is mounted; the only writable path of the container. */
    public static final String QUEUE_DIRECTORY = "/var/lib/otelcol/file_storage";
    static final String TRACES = "traces";
    static final String SPAN_METRICS_PIPELINE = "metrics/spanmetrics";
    static final String SELF_PIPELINE = "metrics/self";
    static final String SELF_TELEMETRY_RECEIVER = "otlp/self";

    /** The upstream chart's GOMEMLIMIT: 80% of the memory limit, so Go's GC works before the limiter refuses. */
    static final int GOMEMLIMIT_PERCENT = 80;

    private CollectorConfigRenderer() {
    }

    /** The {@code GOMEMLIMIT} environment value of every collector container, pod or Docker. */
    public static String goMemLimit(CollectorSettings s) {
        return s.resources().memoryLimitMiB() * GOMEMLIMIT_PERCENT / 100 + "MiB";
    }

    /** Every tier the environment runs, gateway first, with its rendered config. */
    public static List<RenderedTier> tiers(StackConfig config) {
        return CollectorTier.of(config).stream().map(tier -> {
            String yaml = Artifacts.yaml(config(config, tier));
            ConfigMapLimit.require(config, tier.workload(), Map.of(RenderedTier.CONFIG_FILE, yaml));
            return new RenderedTier(tier, yaml);
        }).toList();
    }

    public static CollectorConfig config(StackConfig config, CollectorTier tier) {
        CollectorSettings s = config.collector();
        boolean gateway = tier.role() == CollectorTier.Role.GATEWAY;
        boolean persistent = tier.persistentQueue();
        // Without Google Cloud (a local stack exporting only to Jaeger) there is no Cloud Monitoring to
        // send span metrics and self-telemetry to; the Prometheus endpoint on 8888 stays.
        boolean googleCloud = PlatformEndpoints.of(config).googleCloud();

        Map<String, Object> receivers = CollectorProcessors.receivers(s, tier);
        Map<String, Object> processors = new LinkedHashMap<>();
        processors.put(MEMORY_LIMITER, memoryLimiter(s));
        List<String> traceProcessors = new ArrayList<>(List.of(MEMORY_LIMITER));
        if (gateway) {
            processors.put(RESERVED_SPAN_ATTRIBUTES, reservedSpanAttributes());
            processors.put(RESERVED_RESOURCE_ATTRIBUTES, reservedResourceAttributes());
            traceProcessors.addAll(List.of(RESERVED_SPAN_ATTRIBUTES, RESERVED_RESOURCE_ATTRIBUTES));
            processors.put(FILTER, filter(s));
            traceProcessors.add(FILTER);
            Map<String, Object> sensitive = SensitiveData.processors(config);
            processors.putAll(sensitive);
            traceProcessors.addAll(sensitive.keySet());
            processors.put(RESOURCE, resource(config));
            traceProcessors.add(RESOURCE);
            if (googleCloud) {
                Map<String, Object> tags = ObjectiveTags.processors(config);
                processors.putAll(tags);
                traceProcessors.addAll(tags.keySet());
            }
        } else {
            Map<String, Object> marks = SamplingPolicies.marks(config);
            processors.putAll(marks);
            traceProcessors.addAll(marks.keySet());
            processors.put(TAIL_SAMPLING, tailSampling(config));
            traceProcessors.add(TAIL_SAMPLING);
            SamplingPolicies.clear(config).ifPresent(clear -> {
                processors.put(SamplingPolicies.CLEAR, clear);
                traceProcessors.add(SamplingPolicies.CLEAR);
            });
        }
        processors.put(BATCH, batch());
        if (googleCloud) {
            processors.put(SELF_FILTER, selfFilter());
        }
        // A batch processor holds spans in memory after the receiver has acknowledged them, so a crash
        // loses them; where exporters queue on a volume, the queue batches instead, after the write.
        if (!persistent) {
            traceProcessors.add(BATCH);
        }

        Map<String, Object> exporters = new LinkedHashMap<>();
        if (googleCloud) {
            exporters.put(GOOGLE_CLOUD, googleCloud(config, persistent));
        }
        List<String> traceExporters = new ArrayList<>();
        if (tier.exportsTraces()) {
            if (config.exporters().cloudTrace()) {
                traceExporters.add(GOOGLE_CLOUD);
            }
            if (config.exporters().jaeger()) {
                exporters.put(JAEGER, jaeger(config, persistent));
                traceExporters.add(JAEGER);
            }
            if (config.exporters().bigQuery()) {
                exporters.put(PUBSUB, pubsub(config, persistent));
                traceExporters.add(PUBSUB);
            }
        } else {
            exporters.put(LOAD_BALANCING, loadBalancing(config));
            traceExporters.add(LOAD_BALANCING);
        }

        Map<String, Object> connectors = new LinkedHashMap<>();
        Map<String, CollectorConfig.Pipeline> pipelines = new LinkedHashMap<>();
        if (gateway && googleCloud) {
            connectors.put(SPANMETRICS, spanMetrics(ObjectiveTags.dimensions(config)));
            processors.put(SPAN_METRICS_FILTER, spanMetricsFilter(config));
            processors.put(SPAN_METRICS_RESOURCE, spanMetricsResource());
            traceExporters.add(SPANMETRICS);
        }
        pipelines.put(TRACES, new CollectorConfig.Pipeline(
                List.copyOf(receivers.keySet()), traceProcessors, traceExporters));
        if (googleCloud) {
            receivers.put(SELF_TELEMETRY_RECEIVER, selfTelemetryReceiver());
        }
        if (gateway && googleCloud) {
            pipelines.put(SPAN_METRICS_PIPELINE, new CollectorConfig.Pipeline(
                    List.of(SPANMETRICS), List.of(MEMORY_LIMITER, SPAN_METRICS_FILTER, SPAN_METRICS_RESOURCE, BATCH),
                    List.of(GOOGLE_CLOUD)));
        }
        if (googleCloud) {
            pipelines.put(SELF_PIPELINE, new CollectorConfig.Pipeline(
                    List.of(SELF_TELEMETRY_RECEIVER), List.of(MEMORY_LIMITER, SELF_FILTER, BATCH), List.of(GOOGLE_CLOUD)));
        }

        QueueBudget.apply(exporters, pipelines, s);
        boolean pubsub = exporters.containsKey(PUBSUB);
        Map<String, Object> extensions = CollectorExporters.extensions(config, persistent, pubsub);
        return new CollectorConfig(receivers, processors, connectors, exporters, extensions,
                new CollectorConfig.Service(List.copyOf(extensions.keySet()), pipelines, telemetry(googleCloud)))
                .requireWired();
    }
}
