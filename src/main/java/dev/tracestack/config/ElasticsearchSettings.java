package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ELASTICSEARCH;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jaeger's Elasticsearch storage, run by ECK: the cluster's size, its index lifecycle and its backups.
 * Only read where {@code jaeger.enabled}.
 *
 * @param version         the pinned Elasticsearch version (8.x)
 * @param nodes           the node count of the single node set (every node holds every role)
 * @param storageClass    the storage class of each node's data volume
 * @param volumeSizeGi    the size of each node's data volume, in GiB
 * @param heapMiB         the JVM heap of each node, in MiB (at most half the memory)
 * @param resources       each node's requests and limits
 * @param zoneAwareness   spread nodes and shard copies across zones
 * @param installOperator install the ECK operator with the stack; false when the cluster already runs one
 * @param operatorVersion the pinned eck-operator chart version
 * @param rollover        when the ILM hot phase rolls the write index over
 * @param snapshots       the snapshot repository and SLM policy
 * @param retentionDays   how long Jaeger's indices are kept (the hot window Jaeger's UI searches), when shorter
 *                        than {@code tracestack:retentionDays}; unset: the stack's retention
 */
public record ElasticsearchSettings(String version, int nodes, String storageClass, int volumeSizeGi, int heapMiB,
                                    ContainerResources resources, boolean zoneAwareness, boolean installOperator,
                                    String operatorVersion, Rollover rollover, SnapshotSettings snapshots,
                                    Optional<Integer> retentionDays) {

    private static final Pattern VERSION_8 = Pattern.compile("8\\.\\d+\\.\\d+");
    /** GKE's built-in Persistent Disk classes, by the disk type they provision (their reclaim policy is Delete). */
    public static final Map<String, String> GKE_DISK_TYPES = Map.of("standard-rwo", "pd-balanced",
            "premium-rwo", "pd-ssd");

    /**
     * The ILM hot phase's rollover conditions; whichever comes first rolls the index over.
     *
     * @param maxPrimaryShardSizeGb the largest primary shard, in GB
     * @param maxAgeDays            the oldest index, in days
     */
    public record Rollover(int maxPrimaryShardSizeGb, int maxAgeDays) {
    }

    static ElasticsearchSettings read(ConfigSection section) {
        ConfigSection rollover = section.section("rollover");
        return new ElasticsearchSettings(
                section.string("version").orElse(Defaults.ELASTICSEARCH_VERSION),
                section.integer("nodes").orElse(Defaults.ELASTICSEARCH_NODES),
                section.string("storageClass").orElse(Defaults.ELASTICSEARCH_STORAGE_CLASS),
                section.integer("volumeSizeGi").orElse(Defaults.ELASTICSEARCH_VOLUME_GI),
                section.integer("heapMiB").orElse(Defaults.ELASTICSEARCH_HEAP_MIB),
                ContainerResources.read(section, Defaults.ELASTICSEARCH_RESOURCES),
                section.bool("zoneAwareness").orElse(false),
                section.bool("installOperator").orElse(true),
                section.string("operatorVersion").orElse(Defaults.ECK_OPERATOR_VERSION),
                new Rollover(rollover.integer("maxPrimaryShardSizeGb").orElse(Defaults.ROLLOVER_MAX_PRIMARY_SHARD_GB),
                        rollover.integer("maxAgeDays").orElse(Defaults.ROLLOVER_MAX_AGE_DAYS)),
                SnapshotSettings.read(section.section("snapshots")),
                section.integer("retentionDays"));
    }

    /** The days Jaeger's indices are kept: {@link #retentionDays} where set, else the stack's retention. */
    public int retentionDays(int stackRetentionDays) {
        return retentionDays.orElse(stackRetentionDays);
    }

    /** The Persistent Disk type of {@link #storageClass}, where it is one of GKE's built-in classes. */
    public Optional<String> diskType() {
        return Optional.ofNullable(GKE_DISK_TYPES.get(storageClass));
    }

    /** Checked only where Jaeger is deployed; the rules against the retention and the backup span sections. */
    void validate(StackConfigValidator.Rules rules) {
        rules.check(VERSION_8.matcher(version).matches(), ELASTICSEARCH + ".version", version,
                "must be a pinned Elasticsearch 8 version such as 8.19.3");
        ImageVersions.pinned(ELASTICSEARCH + ".operatorVersion", operatorVersion, rules);
        rules.check(nodes >= 1, ELASTICSEARCH + ".nodes", String.valueOf(nodes), "must be at least 1");
        rules.check(volumeSizeGi >= 1, ELASTICSEARCH + ".volumeSizeGi", String.valueOf(volumeSizeGi),
                "must be at least 1");
        resources.validate(ELASTICSEARCH, rules);
        rules.check(heapMiB >= 256 && heapMiB * 2 <= resources.memoryMiB(), ELASTICSEARCH + ".heapMiB",
                String.valueOf(heapMiB), "must be at least 256 and at most half of " + ELASTICSEARCH
                        + ".memoryMiB (" + resources.memoryMiB() + ")");
        rules.check(!zoneAwareness || nodes >= 2, ELASTICSEARCH + ".zoneAwareness", "true",
                "needs at least 2 nodes (" + ELASTICSEARCH + ".nodes is " + nodes + ")");
        rules.check(rollover.maxPrimaryShardSizeGb() >= 1, ELASTICSEARCH + ".rollover.maxPrimaryShardSizeGb",
                String.valueOf(rollover.maxPrimaryShardSizeGb()), "must be at least 1");
        rules.check(rollover.maxAgeDays() >= 1, ELASTICSEARCH + ".rollover.maxAgeDays",
                String.valueOf(rollover.maxAgeDays()), "must be at least 1");
        snapshots.validate(rules);
    }
}
