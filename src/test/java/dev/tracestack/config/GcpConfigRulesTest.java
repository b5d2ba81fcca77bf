package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules for the Google Cloud keys: project, BigQuery location and backup, retention bounds. One per message. */
class GcpConfigRulesTest {

    @Test
    void aMissingProjectIsReportedWithHowToSetIt() {
        assertThat(messages("dev", overrides("gcp:project", null))).containsExactly(
                "Pulumi.dev.yaml: gcp:project is required (set it with `pulumi config set gcp:project <project-id>`), "
                        + "it is not set");
    }

    @Test
    void aProjectIdWithUpperCaseLettersIsRejected() {
        assertThat(messages("dev", overrides("gcp:project", "DTA-Cloud-Dev"))).containsExactly(
                "Pulumi.dev.yaml: gcp:project must be a Google Cloud project id: 6-30 lower-case letters, digits "
                        + "or hyphens, starting with a letter and not ending with a hyphen, got DTA-Cloud-Dev");
    }

    @Test
    void aProjectIdShorterThanSixCharactersIsRejected() {
        assertThat(messages("dev", overrides("gcp:project", "dta1"))).singleElement().asString()
                .startsWith("Pulumi.dev.yaml: gcp:project must be a Google Cloud project id").endsWith(", got dta1");
    }

    @Test
    void aRetentionBeyondTenYearsIsRejectedBeforeBigQueryCouldRefuseIt() {
        assertThat(messages("dev", overrides("tracestack:retentionDays", "4000"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:retentionDays must be within [1, 3650] days, got 4000");
    }

    @Test
    void anUnknownBigQueryLocationIsRejected() {
        assertThat(messages("dev", overrides("tracestack:bigquery", "{\"location\":\"europe-west99\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:bigquery.location must be a BigQuery location such as "
                        + "EU, US or europe-west3, got europe-west99");
    }

    @Test
    void aLowerCaseMultiRegionIsUnknownBecauseBigQuerySpellsItUpperCase() {
        assertThat(messages("dev", overrides("tracestack:bigquery", "{\"location\":\"eu\"}"))).singleElement()
                .asString().contains("tracestack:bigquery.location must be a BigQuery location");
    }

    @Test
    void aMultiRegionBackupLocationIsRejected() {
        assertThat(messages("prod", overrides("tracestack:bigquery",
                "{\"location\":\"europe-west3\",\"backupLocation\":\"EU\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.backupLocation must be a single BigQuery region such as "
                        + "europe-west4 (a multi-region gives no second region), got EU");
    }

    @Test
    void crossRegionBackupWithoutABackupLocationIsRejected() {
        assertThat(messages("prod", overrides("tracestack:bigquery", "{\"location\":\"europe-west3\"}")))
                .containsExactly("Pulumi.prod.yaml: tracestack:bigquery.backupLocation is required when "
                        + "tracestack:crossRegionBackup is true, it is not set");
    }

    @Test
    void withoutTheBigQueryExporterCrossRegionBackupNeedsNoBackupLocation() {
        Map<String, String> overrides = overrides("tracestack:bigquery", null);
        overrides.put("tracestack:exporters", "{\"cloudTrace\":true,\"jaeger\":true,\"bigQuery\":false}");

        assertThat(StackConfigParser.parse(StackHarness.withOverrides("prod", overrides)).crossRegionBackup()).isTrue();
    }

    @Test
    void crossRegionBackupFromAMultiRegionIsRejected() {
        assertThat(messages("prod", overrides("tracestack:bigquery",
                "{\"location\":\"EU\",\"backupLocation\":\"europe-west4\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.location must be a single region while "
                        + "tracestack:crossRegionBackup is true (a multi-region stores data in one region BigQuery "
                        + "picks), got EU");
    }

    @Test
    void aBackupInTheDatasetsOwnRegionIsRejected() {
        assertThat(messages("prod", overrides("tracestack:bigquery",
                "{\"location\":\"europe-west3\",\"backupLocation\":\"europe-west3\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.backupLocation must differ from tracestack:bigquery.location, "
                        + "got europe-west3");
    }

    @Test
    void aMistypedBigQueryKeyIsReportedWithTheNearestKnownKey() {
        assertThat(messages("dev", overrides("tracestack:bigquery", "{\"locaton\":\"EU\"}"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:bigquery.locaton is not a known key (did you mean "
                        + "tracestack:bigquery.location?), got EU");
    }

    @Test
    void withoutALocationAEuropeanRegionGetsTheEuMultiRegion() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev",
                overrides("tracestack:bigquery", null)));

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
                        java.util.Optional.of("europe-west4")));
    }

    private static Map<String, String> overrides(String key, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    private static List<String> messages(String stack, Map<String, String> overrides) {
        ConfigSource source = StackHarness.withOverrides(stack, overrides);
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidConfigException.class,
                () -> StackConfigParser.parse(source));
        assertThat(thrown).as("config of %s with %s", stack, overrides).isNotNull();
        return thrown.problems().stream().map(ConfigProblem::message).toList();
    }
}
