package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.CROSS_REGION_BACKUP;
import static dev.tracestack.config.ConfigKeys.ELASTICSEARCH;
import static dev.tracestack.config.ConfigKeys.RETENTION_DAYS;

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
 */
public record ElasticsearchSettings(String version, int nodes, String storageClass, int volumeSizeGi, int heapMiB,
                                    ContainerResources resources, boolean zoneAwareness, boolean installOperator,
                                    String operatorVersion, Rollover rollover, SnapshotSettings snapshots) {

    private static final Pattern VERSION_8 = Pattern.compile("8\\.\\d+\\.\\d+");

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
                SnapshotSettings.read(section.section("snapshots")));
    }

    static void validate(ElasticsearchSettings s, StackConfig config, StackConfigValidator.Rules rules) {
        if (!config.jaeger().enabled()) {
            return;
        }
        rules.check(VERSION_8.matcher(s.version()).matches(), ELASTICSEARCH + ".version", s.version(),
                "must be a pinned Elasticsearch 8 version such as 8.19.3");
        ImageVersions.pinned(ELASTICSEARCH + ".operatorVersion", s.operatorVersion(), rules);
        rules.check(s.nodes() >= 1, ELASTICSEARCH + ".nodes", String.valueOf(s.nodes()), "must be at least 1");
        rules.check(s.volumeSizeGi() >= 1, ELASTICSEARCH + ".volumeSizeGi", String.valueOf(s.volumeSizeGi()),
                "must be at least 1");
        ContainerResources.validate(s.resources(), ELASTICSEARCH, rules);
        rules.check(s.heapMiB() >= 256 && s.heapMiB() * 2 <= s.resources().memoryMiB(), ELASTICSEARCH + ".heapMiB",
                String.valueOf(s.heapMiB()), "must be at least 256 and at most half of " + ELASTICSEARCH
                        + ".memoryMiB (" + s.resources().memoryMiB() + ")");
        rules.check(!s.zoneAwareness() || s.nodes() >= 2, ELASTICSEARCH + ".zoneAwareness", "true",
                "needs at least 2 nodes (" + ELASTICSEARCH + ".nodes is " + s.nodes() + ")");
        Rollover rollover = s.rollover();
        rules.check(rollover.maxPrimaryShardSizeGb() >= 1, ELASTICSEARCH + ".rollover.maxPrimaryShardSizeGb",
                String.valueOf(rollover.maxPrimaryShardSizeGb()), "must be at least 1");
        rules.check(rollover.maxAgeDays() >= 1, ELASTICSEARCH + ".rollover.maxAgeDays",
                String.valueOf(rollover.maxAgeDays()), "must be at least 1");
        rules.check(rollover.maxAgeDays() < config.retentionDays(), ELASTICSEARCH + ".rollover.maxAgeDays",
                String.valueOf(rollover.maxAgeDays()), "must be shorter than " + RETENTION_DAYS + " ("
                        + config.retentionDays() + " days), or indices are deleted as soon as they roll over");
        SnapshotSettings.validate(s.snapshots(), rules);
        rules.check(!config.crossRegionBackup() || s.snapshots().enabled(), SnapshotSettings.KEY + ".enabled", "false",
                "must be true while " + CROSS_REGION_BACKUP + " is true (Elasticsearch is backed up by snapshots)");
    }
}
