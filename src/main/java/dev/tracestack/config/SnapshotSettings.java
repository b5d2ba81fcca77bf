package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ELASTICSEARCH;

import java.util.regex.Pattern;

/**
 * Elasticsearch snapshots to a GCS bucket, taken by an SLM policy (the cross-region backup of prod).
 *
 * @param enabled        whether the stack creates the bucket, the repository and the SLM policy
 * @param bucketLocation the bucket's location: a multi-region ({@code EU}) or dual-region ({@code EUR4})
 * @param schedule       the SLM cron schedule (Elasticsearch cron syntax, with seconds)
 * @param expireAfterDays snapshots older than this are deleted by SLM retention
 * @param minCount       snapshots always kept, however old
 * @param maxCount       snapshots kept at most
 */
public record SnapshotSettings(boolean enabled, String bucketLocation, String schedule, int expireAfterDays,
                               int minCount, int maxCount) {

    static final String KEY = ELASTICSEARCH + ".snapshots";
    /** Multi-regions and the predefined dual-regions; a single region is not a cross-region backup. */
    private static final Pattern MULTI_OR_DUAL_REGION = Pattern.compile("US|EU|ASIA|NAM4|EUR4|EUR5|EUR7|EUR8|ASIA1");

    static SnapshotSettings read(ConfigSection section) {
        return new SnapshotSettings(
                section.bool("enabled").orElse(false),
                section.string("bucketLocation").orElse(Defaults.SNAPSHOT_BUCKET_LOCATION),
                section.string("schedule").orElse(Defaults.SNAPSHOT_SCHEDULE),
                section.integer("expireAfterDays").orElse(Defaults.SNAPSHOT_EXPIRE_DAYS),
                section.integer("minCount").orElse(Defaults.SNAPSHOT_MIN_COUNT),
                section.integer("maxCount").orElse(Defaults.SNAPSHOT_MAX_COUNT));
    }

    void validate(StackConfigValidator.Rules rules) {
        if (!enabled) {
            return;
        }
        rules.check(MULTI_OR_DUAL_REGION.matcher(bucketLocation).matches(), KEY + ".bucketLocation",
                bucketLocation, "must be a multi-region or dual-region location (e.g. EU or EUR4) "
                        + "so snapshots survive the loss of a region");
        rules.check(expireAfterDays >= 1, KEY + ".expireAfterDays", String.valueOf(expireAfterDays),
                "must be at least 1");
        rules.check(minCount >= 1 && minCount <= maxCount, KEY + ".minCount", String.valueOf(minCount),
                "must be at least 1 and at most " + KEY + ".maxCount (" + maxCount + ")");
    }
}
