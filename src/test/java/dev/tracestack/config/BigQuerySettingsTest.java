package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** Where the trace dataset lives: its location, defaulted from the region, and the backup location. */
class BigQuerySettingsTest {

    @Test
    void anUnknownBigQueryLocationIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:bigquery", "{\"location\":\"europe-west99\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:bigquery.location must be a BigQuery location such as "
                        + "EU, US or europe-west3, got europe-west99");
    }

    @Test
    void aLowerCaseMultiRegionIsUnknownBecauseBigQuerySpellsItUpperCase() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:bigquery", "{\"location\":\"eu\"}"))).singleElement()
                .asString().contains("tracestack:bigquery.location must be a BigQuery location");
    }

    @Test
    void aMultiRegionBackupLocationIsRejected() {
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:bigquery",
                "{\"location\":\"europe-west3\",\"backupLocation\":\"EU\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.backupLocation must be a single BigQuery region such as "
                        + "europe-west4 (a multi-region gives no second region), got EU");
    }

    @Test
    void aMistypedBigQueryKeyIsReportedWithTheNearestKnownKey() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:bigquery", "{\"locaton\":\"EU\"}"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:bigquery.locaton is not a known key (did you mean "
                        + "tracestack:bigquery.location?), got EU");
    }

    @Test
    void withoutALocationAEuropeanRegionGetsTheEuMultiRegion() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev",
                ConfigErrors.override("tracestack:bigquery", null)));

        assertThat(config.bigQuery().locationFor(config.gcp().region())).isEqualTo("EU");
        assertThat(BigQueryLocations.defaultFor("us-central1")).isEqualTo("US");
        assertThat(BigQueryLocations.defaultFor("asia-east1")).isEqualTo("asia-east1");
    }

    @Test
    void theStackFilesPutDevAndStageInEuAndProdInFrankfurtWithABackupInTheNetherlands() {
        assertThat(StackHarness.config("dev").bigQuery().location()).contains("EU");
        assertThat(StackHarness.config("stage").bigQuery().location()).contains("EU");
        assertThat(StackHarness.config("prod").bigQuery())
                .isEqualTo(new BigQuerySettings(java.util.Optional.of("europe-west3"),
                        java.util.Optional.of("europe-west4"), java.util.List.of("tracing-prod-readers@example.com")));
    }

    @Test
    void aReaderGroupMustBeAnEmailAddress() {
        assertThat(ConfigErrors.problems("stage", ConfigErrors.override("tracestack:bigquery",
                "{\"location\":\"EU\",\"readerGroups\":[\"readers\"]}")))
                .containsExactly("Pulumi.stage.yaml: tracestack:bigquery.readerGroups must list Google groups by e-mail "
                        + "address, e.g. tracing-readers@example.com, got readers");
    }
}
