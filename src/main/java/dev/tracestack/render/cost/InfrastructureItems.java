package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.Driver.FIXED;
import static dev.tracestack.render.cost.LineItem.Driver.TRAFFIC;

import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster's objects provision besides pods: persistent disks by storage class, the Elasticsearch
 * snapshot bucket, and the load balancer a GKE Ingress creates for the Jaeger UI.
 */
final class InfrastructureItems {

    /** The collector's queue claims name no storage class, so they get GKE's default. */
    static final String DEFAULT_STORAGE_CLASS = "standard-rwo";
    /**
     * An Ingress with TLS gets a forwarding rule for HTTPS and one for HTTP unless it is annotated
     * {@code kubernetes.io/ingress.allow-http: "false"}; the UI's Ingress is not.
     */
    static final int UI_FORWARDING_RULES = 2;
    /** What a few people browsing the Jaeger UI move through the load balancer a month: a stated guess. */
    static final double UI_GIB_PER_MONTH = 5;

    private InfrastructureItems() {
    }

    static List<LineItem> of(CostContext ctx) {
        StackConfig config = ctx.config();
        List<LineItem> items = new ArrayList<>();
        CollectorTier.of(config).stream().filter(CollectorTier::persistentQueue).forEach(tier -> {
            int size = config.collector().persistentQueue().sizeGiB();
            Map<String, Object> inputs = Map.of("pods", tier.replicas().minReplicas(), "sizeGiB", size,
                    "storageClass", DEFAULT_STORAGE_CLASS);
            items.add(LineItem.of("disk.collector-queue", "Disks: collector persistent queues", FIXED,
                    List.of(ctx.charge("disk." + DEFAULT_STORAGE_CLASS, tier.replicas().minReplicas() * size)),
                    inputs).withMonthlyAtMax(LineItem.total(List.of(
                            ctx.charge("disk." + DEFAULT_STORAGE_CLASS, tier.replicas().maxReplicas() * size)))));
        });
        if (!config.jaeger().enabled()) {
            return items;
        }
        ElasticsearchSettings es = config.elasticsearch();
        items.add(LineItem.of("disk.elasticsearch", "Disks: Elasticsearch data volumes", FIXED,
                List.of(ctx.charge("disk." + es.storageClass(), (double) es.nodes() * es.volumeSizeGi())),
                diskInputs(config, es)));
        if (es.snapshots().enabled() && config.exporters().jaeger()) {
            items.add(snapshots(ctx, es));
        }
        config.jaeger().ingressHost().ifPresent(host -> items.add(LineItem.of("load-balancer.jaeger-ui",
                "Load balancer: the Jaeger UI's Ingress", FIXED, List.of(
                        ctx.charge("loadBalancing.forwardingRule", UI_FORWARDING_RULES * ctx.hoursPerMonth()),
                        ctx.charge("loadBalancing.dataProcessed", UI_GIB_PER_MONTH)),
                Map.of("host", host, "forwardingRules", UI_FORWARDING_RULES, "gibPerMonth", UI_GIB_PER_MONTH))));
        return items;
    }

    /** The volumes as provisioned, and how full the assumed traffic makes them at the retention. */
    private static Map<String, Object> diskInputs(StackConfig config, ElasticsearchSettings es) {
        ElasticsearchDisk disk = ElasticsearchDisk.of(config);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("nodes", es.nodes());
        inputs.put("volumeSizeGi", es.volumeSizeGi());
        inputs.put("storageClass", es.storageClass());
        inputs.put("retentionDays", config.elasticsearchRetentionDays());
        inputs.put("neededGiB", disk.neededGiB());
        inputs.put("fullShare", disk.usedShare());
        return inputs;
    }

    /**
     * Snapshots are incremental and hold primaries only. Retained snapshots reach back
     * {@code expireAfterDays}, and each still references the indices alive when it was taken, which go back
     * a retention further: the bucket holds that many days of primary data.
     */
    private static LineItem snapshots(CostContext ctx, ElasticsearchSettings es) {
        double gibPerDay = ctx.traffic().keptGiBPerDay(ctx.daysPerMonth());
        int days = ctx.config().elasticsearchRetentionDays() + es.snapshots().expireAfterDays();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("gibPerDay", gibPerDay);
        inputs.put("retentionDays", ctx.config().elasticsearchRetentionDays());
        inputs.put("expireAfterDays", es.snapshots().expireAfterDays());
        inputs.put("bucketLocation", es.snapshots().bucketLocation());
        inputs.put("replicasNotSnapshotted", JaegerIndices.replicas(ctx.config()));
        return LineItem.of("gcs.elasticsearch-snapshots", "Cloud Storage: Elasticsearch snapshots", TRAFFIC,
                List.of(ctx.charge("gcs.standard." + es.snapshots().bucketLocation(), gibPerDay * days)), inputs);
    }
}
