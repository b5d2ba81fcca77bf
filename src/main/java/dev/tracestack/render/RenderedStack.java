package dev.tracestack.render;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.bigquery.BigQueryRenderer;
import dev.tracestack.render.bigquery.RenderedSinks;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.RenderedCollector;
import dev.tracestack.render.collector.RenderedTier;
import dev.tracestack.render.cost.BudgetCheck;
import dev.tracestack.render.cost.BudgetSpec;
import dev.tracestack.render.cost.CostEstimate;
import dev.tracestack.render.cost.CostEstimator;
import dev.tracestack.render.cost.CostRenderer;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.render.local.RenderedLocal;
import dev.tracestack.render.monitoring.MonitoringRenderer;
import dev.tracestack.render.monitoring.RenderedMonitoring;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Everything a stack is deployed from, rendered once from its config: one typed result per part, present
 * exactly where the stack has that part. This is the only place that decides which parts a stack has;
 * {@code TracingStack} creates a part's component where its result is present. The plan writes
 * {@link #files()}, so what a reviewer reads is exactly what the components register.
 *
 * @param target          the providers and the ids the stack exports
 * @param effectiveConfig the effective config as JSON, defaults filled in and secrets masked, for reviewers
 * @param identity        the project's APIs and the collector's Google identity; on the Kubernetes platform
 * @param collector       the collector's tiers; on the Kubernetes platform
 * @param elasticsearch   Jaeger's storage; on the Kubernetes platform where {@code jaeger.enabled}
 * @param jaeger          Jaeger's two roles; on the Kubernetes platform where {@code jaeger.enabled}
 * @param sinks           Pub/Sub and BigQuery; on the Kubernetes platform where {@code exporters.bigQuery}
 * @param monitoring      channels, alerts and dashboards; on the Kubernetes platform
 * @param budget          the Cloud Billing budget; where {@code cost.billingAccount} is set
 * @param cost            the monthly estimate; on the Kubernetes platform where the region has a price book
 * @param local           the whole stack on Docker; on the docker platform
 */
public record RenderedStack(StackTarget target, String effectiveConfig, Optional<RenderedIdentity> identity,
                            Optional<RenderedCollector> collector, Optional<RenderedElasticsearch> elasticsearch,
                            Optional<RenderedJaeger> jaeger, Optional<RenderedSinks> sinks,
                            Optional<RenderedMonitoring> monitoring, Optional<BudgetSpec> budget,
                            Optional<CostEstimate> cost, Optional<RenderedLocal> local) {

    /** The effective config's artifact path. */
    public static final String CONFIG_ARTIFACT = "stack-config.json";

    /**
     * Renders every part the stack has. Pure: no Pulumi types, no I/O. An estimate above an enforced budget
     * is an invalid config ({@link BudgetCheck}).
     */
    public static RenderedStack render(StackConfig config) {
        BudgetCheck.enforce(config);
        boolean cluster = config.platform() == Platform.KUBERNETES;
        boolean jaeger = cluster && config.jaeger().enabled();
        List<RenderedTier> tiers = CollectorConfigRenderer.tiers(config);
        return new RenderedStack(StackTarget.of(config), Artifacts.json(config),
                when(cluster, () -> RenderedIdentity.of(config)),
                when(cluster, () -> RenderedCollector.of(config, tiers)),
                when(jaeger, () -> RenderedElasticsearch.of(config)),
                when(jaeger, () -> RenderedJaeger.of(config)),
                when(cluster && config.exporters().bigQuery(), () -> BigQueryRenderer.render(config)),
                when(cluster, () -> MonitoringRenderer.render(config)),
                BudgetSpec.of(config),
                cluster ? CostEstimator.tryEstimate(config) : Optional.empty(),
                when(!cluster, () -> RenderedLocal.of(config, tiers.get(0))));
    }

    /** Every artifact by relative path, sorted: the effective config, each present part's files, the estimate. */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put(CONFIG_ARTIFACT, effectiveConfig);
        Stream.of(collector, elasticsearch, jaeger, sinks, monitoring, local)
                .flatMap(Optional::stream)
                .forEach(part -> files.putAll(part.files()));
        cost.ifPresent(estimate -> files.putAll(CostRenderer.files(estimate)));
        return Collections.unmodifiableMap(files);
    }

    public String file(String path) {
        String text = files().get(path);
        if (text == null) {
            throw new IllegalArgumentException("no artifact " + path + "; rendered: " + files().keySet());
        }
        return text;
    }

    private static <T> Optional<T> when(boolean present, Supplier<T> part) {
        return present ? Optional.of(part.get()) : Optional.empty();
    }
}
