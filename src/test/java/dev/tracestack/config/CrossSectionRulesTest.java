package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule that spans sections, one test per message: what one section's value demands of another's. */
class CrossSectionRulesTest {

    @Test
    void aMissingProjectIsReportedWithHowToSetIt() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("gcp:project", null))).containsExactly(
                "Pulumi.dev.yaml: gcp:project is required (set it with `pulumi config set gcp:project <project-id>`), "
                        + "it is not set");
    }

    @Test
    void exportingToJaegerWhileJaegerIsOffIsAContradiction() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:exporters", "{\"jaeger\":true}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:exporters.jaeger cannot be on while tracestack:jaeger.enabled "
                        + "is false (enable Jaeger or turn the exporter off), got true");
    }

    @Test
    void jaegerDeployedWithItsExporterOffIsAContradiction() {
        assertThat(ConfigErrors.problems("stage", ConfigErrors.override("tracestack:exporters", "{\"jaeger\":false}")))
                .containsExactly("Pulumi.stage.yaml: tracestack:exporters.jaeger cannot be off while "
                        + "tracestack:jaeger.enabled is true (Jaeger and Elasticsearch would run and get no spans; "
                        + "remove the key to export to Jaeger, or turn Jaeger off), got false");
    }

    @Test
    void retentionShorterThanTheRolloverAgeIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.RETENTION_DAYS, "2",
                ConfigKeys.ELASTICSEARCH, "{\"rollover\": {\"maxAgeDays\": 3}}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.rollover.maxAgeDays must be shorter than "
                        + "tracestack:retentionDays (2 days), or indices are deleted as soon as they roll over, got 3");
    }

    @Test
    void crossRegionBackupWithoutSnapshotsIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 3, \"zoneAwareness\": true}")))
                .contains("Pulumi.prod.yaml: tracestack:elasticsearch.snapshots.enabled must be true while "
                        + "tracestack:crossRegionBackup is true (Elasticsearch is backed up by snapshots), got false");
    }

    @Test
    void crossRegionBackupWithoutABackupLocationIsRejected() {
        assertThat(ConfigErrors.problems("prod",
                ConfigErrors.override("tracestack:bigquery", "{\"location\":\"europe-west3\"}")))
                .containsExactly("Pulumi.prod.yaml: tracestack:bigquery.backupLocation is required when "
                        + "tracestack:crossRegionBackup is true, it is not set");
    }

    @Test
    void withoutTheBigQueryExporterCrossRegionBackupNeedsNoBackupLocation() {
        Map<String, String> overrides = ConfigErrors.override("tracestack:bigquery", null);
        overrides.put("tracestack:exporters", "{\"cloudTrace\":true,\"jaeger\":true,\"bigQuery\":false}");

        assertThat(StackConfigParser.parse(StackHarness.withOverrides("prod", overrides)).crossRegionBackup()).isTrue();
    }

    @Test
    void crossRegionBackupFromAMultiRegionIsRejected() {
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:bigquery",
                "{\"location\":\"EU\",\"backupLocation\":\"europe-west4\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.location must be a single region while "
                        + "tracestack:crossRegionBackup is true (a multi-region stores data in one region BigQuery "
                        + "picks), got EU");
    }

    @Test
    void aBackupInTheDatasetsOwnRegionIsRejected() {
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:bigquery",
                "{\"location\":\"europe-west3\",\"backupLocation\":\"europe-west3\"}"))).containsExactly(
                "Pulumi.prod.yaml: tracestack:bigquery.backupLocation must differ from tracestack:bigquery.location, "
                        + "got europe-west3");
    }

    @Test
    void cloudTraceOnDockerNeedsAnExplicitProject() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":true,\"jaeger\":true}",
                ConfigKeys.LOCAL, "{\"gcpCredentialsFile\":\"/home/dev/adc.json\"}"))).containsExactly(
                "Pulumi.local.yaml: gcp:project is required when tracestack:exporters.cloudTrace is on with"
                        + " tracestack:platform docker (the project the local spans go to), it is not set");
    }

    @Test
    void cloudTraceOnDockerNeedsACredentialsFile() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":true,\"jaeger\":true}",
                ConfigKeys.GCP_PROJECT, "dta-cloud-de-dev"))).containsExactly(
                "Pulumi.local.yaml: tracestack:local.gcpCredentialsFile is required when"
                        + " tracestack:exporters.cloudTrace is on with tracestack:platform docker (the Application"
                        + " Default Credentials file on the Docker host, e.g. written by"
                        + " `gcloud auth application-default login`), it is not set");
    }

    @Test
    void bigQueryExportOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local",
                Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":false,\"bigQuery\":true,\"jaeger\":true}")))
                .containsExactly("Pulumi.local.yaml: tracestack:exporters.bigQuery cannot be on with"
                        + " tracestack:platform"
                        + " docker (the BigQuery path needs the GCP part's Pub/Sub topic and Workload Identity;"
                        + " use a cloud stack), got true");
    }

    @Test
    void dockerWithoutJaegerIsRejected() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.JAEGER, "{\"enabled\":false}",
                ConfigKeys.EXPORTERS, "{\"cloudTrace\":false,\"jaeger\":false}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.enabled must be true with tracestack:platform docker"
                        + " (the local stack is Jaeger on Elasticsearch), got false");
    }

    @Test
    void headSamplingBelowOneOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local",
                Map.of(ConfigKeys.SAMPLING, "{\"defaultRate\":0.5}"))).containsExactly(
                "Pulumi.local.yaml: tracestack:sampling.defaultRate must be 1 with tracestack:platform docker"
                        + " (the local stack runs one collector; tail sampling needs a cluster's sampler tier), got 0.5");
    }

    @Test
    void aPersistentCollectorQueueOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local",
                Map.of(ConfigKeys.COLLECTOR, "{\"persistentQueue\":{\"enabled\":true}}")))
                .contains("Pulumi.local.yaml: tracestack:collector.persistentQueue.enabled cannot be on with"
                        + " tracestack:platform docker (a local collector keeps its queue in memory), got true");
    }

    @Test
    void theOauthProxyOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.JAEGER,
                "{\"enabled\":true,\"uiBasePath\":\"/\",\"oauthProxy\":{\"enabled\":true}}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.oauthProxy.enabled cannot be on with tracestack:platform docker"
                        + " (the proxy runs in the cluster; the local UI is only on the bind address), got true");
    }

    @Test
    void anIngressHostOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.JAEGER, "{\"enabled\":true,\"uiBasePath\":\"/\","
                + "\"oauthProxy\":{\"enabled\":false},\"ingressHost\":\"jaeger.example.com\"}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.ingressHost cannot be set with tracestack:platform docker"
                        + " (there is no Ingress; the UI is published on the jaegerUi host port), got jaeger.example.com");
    }

    @Test
    void snapshotsOnDockerAreRejected() {
        assertThat(ConfigErrors.problems("local",
                Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\":768,\"memoryMiB\":1536,"
                + "\"snapshots\":{\"enabled\":true}}"))).contains(
                "Pulumi.local.yaml: tracestack:elasticsearch.snapshots.enabled cannot be on with tracestack:platform"
                        + " docker (snapshots go to a Cloud Storage bucket of a cloud stack), got true");
    }

    @Test
    void crossRegionBackupOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.CROSS_REGION_BACKUP, "true"))).contains(
                "Pulumi.local.yaml: tracestack:crossRegionBackup cannot be on with tracestack:platform docker"
                        + " (local traces are disposable; backups are a cloud stack's), got true");
    }

    @Test
    void moreThanOneElasticsearchNodeOnDockerIsRejected() {
        assertThat(ConfigErrors.problems("local",
                Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\":768,\"memoryMiB\":1536,"
                + "\"nodes\":3}"))).contains(
                "Pulumi.local.yaml: tracestack:elasticsearch.nodes must be 1 with tracestack:platform docker"
                        + " (one container), got 3");
    }
}
