package dev.tracestack.config;

import java.util.List;
import java.util.Optional;

/**
 * Where the BigQuery trace dataset lives ({@code tracestack:bigquery}).
 *
 * @param location       the dataset location; empty means {@link BigQueryLocations#defaultFor} the stack's region
 * @param backupLocation the region the daily cross-region copy goes to; required when
 *                       {@code tracestack:crossRegionBackup} is on
 * @param readerGroups   the Google groups that may read the trace dataset; nobody else but the project's owners
 *                       and the stack's own accounts can (no project-wide Viewer read of raw spans)
 */
public record BigQuerySettings(Optional<String> location, Optional<String> backupLocation, List<String> readerGroups) {

    public BigQuerySettings {
        readerGroups = List.copyOf(readerGroups);
    }

    /** The dataset location in effect for a stack in {@code region}. */
    public String locationFor(String region) {
        return location.orElseGet(() -> BigQueryLocations.defaultFor(region));
    }

    static BigQuerySettings read(ConfigSection section) {
        return new BigQuerySettings(section.string("location"), section.string("backupLocation"),
                section.strings("readerGroups").orElse(List.of()));
    }

    /** An explicit location must be one BigQuery knows; a backup location must be a single region. */
    void validate(StackConfigValidator.Rules rules) {
        location.ifPresent(l -> checkLocation(l, rules));
        backupLocation.ifPresent(backup -> rules.check(BigQueryLocations.isKnown(backup)
                        && !BigQueryLocations.isMultiRegion(backup), ConfigKeys.BIGQUERY + ".backupLocation", backup,
                "must be a single BigQuery region such as europe-west4 (a multi-region gives no second region)"));
        readerGroups.forEach(group -> rules.check(AlertSettings.EMAIL.matcher(group).matches(),
                ConfigKeys.BIGQUERY + ".readerGroups", group,
                "must list Google groups by e-mail address, e.g. tracing-readers@example.com"));
    }

    /** The dataset's location, set or defaulted from the region, must be one BigQuery knows. */
    static void checkLocation(String location, StackConfigValidator.Rules rules) {
        rules.check(BigQueryLocations.isKnown(location), ConfigKeys.BIGQUERY + ".location", location,
                "must be a BigQuery location such as EU, US or europe-west3");
    }
}
