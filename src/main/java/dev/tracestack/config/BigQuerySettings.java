package dev.tracestack.config;

import java.util.Optional;

/**
 * Where the BigQuery trace dataset lives ({@code tracestack:bigquery}).
 *
 * @param location       the dataset location; empty means {@link BigQueryLocations#defaultFor} the stack's region
 * @param backupLocation the region the daily cross-region copy goes to; required when
 *                       {@code tracestack:crossRegionBackup} is on
 */
public record BigQuerySettings(Optional<String> location, Optional<String> backupLocation) {

    /** The dataset location in effect for a stack in {@code region}. */
    public String locationFor(String region) {
        return location.orElseGet(() -> BigQueryLocations.defaultFor(region));
    }

    static BigQuerySettings read(ConfigSection section) {
        return new BigQuerySettings(section.string("location"), section.string("backupLocation"));
    }

    /**
     * A copy is only known to be in another region when both ends are single regions: a multi-region
     * keeps its data in one region of the area that BigQuery picks, which may be the backup's. Without the
     * BigQuery exporter there is no dataset to copy, so the backup keys are not needed.
     */
    static void validate(BigQuerySettings s, StackConfig config, StackConfigValidator.Rules rules) {
        String key = ConfigKeys.BIGQUERY;
        String location = s.locationFor(config.gcp().region());
        boolean locationKnown = BigQueryLocations.isKnown(location);
        rules.check(locationKnown, key + ".location", location,
                "must be a BigQuery location such as EU, US or europe-west3");
        s.backupLocation().ifPresent(backup -> rules.check(BigQueryLocations.isKnown(backup)
                        && !BigQueryLocations.isMultiRegion(backup), key + ".backupLocation", backup,
                "must be a single BigQuery region such as europe-west4 (a multi-region gives no second region)"));
        if (!config.crossRegionBackup() || !config.exporters().bigQuery()) {
            return;
        }
        rules.check(s.backupLocation().isPresent(), key + ".backupLocation", null,
                "is required when " + ConfigKeys.CROSS_REGION_BACKUP + " is true");
        rules.check(!locationKnown || !BigQueryLocations.isMultiRegion(location), key + ".location", location,
                "must be a single region while " + ConfigKeys.CROSS_REGION_BACKUP
                        + " is true (a multi-region stores data in one region BigQuery picks)");
        s.backupLocation().ifPresent(backup -> rules.check(!backup.equals(location), key + ".backupLocation",
                backup, "must differ from " + key + ".location"));
    }
}
