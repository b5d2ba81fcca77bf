package dev.tracestack.component.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.bigquery.BigQueryViews;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The GCP parts of each stack's resource graph, as the mock engine records them. */
class GcpTraceSinksGraphTest {

    private static final String SINKS = "gcp-trace-sinks";
    private static final String TABLE = "gcp:bigquery/table:Table";
    private static final String TOPIC = "gcp:pubsub/topic:Topic";
    private static final String SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
    private static final String DATASET = "gcp:bigquery/dataset:Dataset";

    @ParameterizedTest
    @CsvSource({"dev, 259200000", "stage, 1209600000", "prod, 7776000000"})
    void rawTablePartitionsByDayOnPublishTimeAndExpireAfterTheRetention(String stack, long expirationMs) {
        PlannedResource raw = StackHarness.synth(stack).get(TABLE, SINKS + "-raw-table");

        assertThat(raw.input("timePartitioning.type").asText()).isEqualTo("DAY");
        assertThat(raw.input("timePartitioning.field").asText()).isEqualTo("publish_time");
        assertThat(raw.input("timePartitioning.expirationMs").asLong()).isEqualTo(expirationMs);
        assertThat(raw.input("timePartitioning.requirePartitionFilter").asBoolean()).isTrue();
        assertThat(raw.input("tableId").asText()).isEqualTo("otel_traces_raw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void theBigQuerySubscriptionWritesTheTopicIntoTheRawTableWithMetadata(String stack) {
        Plan plan = StackHarness.synth(stack);
        PlannedResource subscription = plan.get(SUBSCRIPTION, SINKS + "-bigquery-subscription");
        String project = plan.config().gcp().project();

        assertThat(subscription.input("topic").asText()).isEqualTo("otel-traces-" + stack);
        assertThat(subscription.input("bigqueryConfig.table").asText())
                .isEqualTo(project + ".traces.otel_traces_raw");
        assertThat(subscription.input("bigqueryConfig.writeMetadata").asBoolean()).isTrue();
        assertThat(subscription.input("bigqueryConfig.useTopicSchema").asBoolean()).isFalse();
        assertThat(subscription.input("deadLetterPolicy.deadLetterTopic").asText())
                .isEqualTo("projects/" + project + "/topics/otel-traces-" + stack + "-dead-letter");
        assertThat(subscription.input("deadLetterPolicy.maxDeliveryAttempts").asInt()).isEqualTo(5);
        assertThat(subscription.dependsOn()).contains(SINKS + "-raw-table", SINKS + "-pubsub-agent-writes-raw");
    }

    @Test
    void neitherSubscriptionExpiresWhenIdle() {
        Plan plan = StackHarness.synth("dev");

        assertThat(plan.ofType(SUBSCRIPTION)).hasSize(2).allSatisfy(s ->
                assertThat(s.input("expirationPolicy.ttl").isTextual() && s.input("expirationPolicy.ttl").asText()
                        .isEmpty()).as("%s never expires", s.name()).isTrue());
        assertThat(plan.get(SUBSCRIPTION, SINKS + "-dead-letter-subscription").input("topic").asText())
                .isEqualTo("otel-traces-dev-dead-letter");
    }

    @Test
    void topicRetentionIsTheRetentionCappedAtPubSubsThirtyOneDays() {
        assertThat(StackHarness.synth("dev").get(TOPIC, SINKS + "-topic").input("messageRetentionDuration").asText())
                .isEqualTo("259200s");
        assertThat(StackHarness.synth("prod").get(TOPIC, SINKS + "-topic").input("messageRetentionDuration").asText())
                .isEqualTo("2678400s");
    }

    @ParameterizedTest
    @CsvSource({"dev, false", "stage, true", "prod, true"})
    void statefulResourcesAreProtectedAndRetainedOutsideDev(String stack, boolean protect) {
        Plan plan = StackHarness.synth(stack);
        List<PlannedResource> stateful = List.of(
                plan.get(DATASET, SINKS + "-dataset"),
                plan.get(TABLE, SINKS + "-raw-table"),
                plan.get(TOPIC, SINKS + "-topic"),
                plan.get(TOPIC, SINKS + "-dead-letter-topic"));

        assertThat(stateful).allSatisfy(r -> {
            assertThat(r.protect()).as("protect %s", r.name()).isEqualTo(protect);
            assertThat(r.retainOnDelete()).as("retainOnDelete %s", r.name()).isEqualTo(protect);
        });
        assertThat(plan.get(TABLE, SINKS + "-raw-table").input("deletionProtection").asBoolean()).isEqualTo(protect);
        assertThat(plan.get(DATASET, SINKS + "-dataset").input("deleteContentsOnDestroy").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"dev, EU", "stage, EU", "prod, europe-west3"})
    void theDatasetIsNamedTracesInTheConfiguredLocation(String stack, String location) {
        PlannedResource dataset = StackHarness.synth(stack).get(DATASET, SINKS + "-dataset");

        assertThat(dataset.input("datasetId").asText()).isEqualTo("traces");
        assertThat(dataset.input("location").asText()).isEqualTo(location);
    }

    @Test
    void everyViewIsStandardSqlFromItsRenderedFileAndReadsAfterWhatItReads() {
        Plan plan = StackHarness.synth("stage");

        for (BigQueryViews.View view : BigQueryViews.all()) {
            PlannedResource table = plan.get(TABLE, SINKS + "-view-" + view.name().replace('_', '-'));
            assertThat(table.input("tableId").asText()).isEqualTo(view.name());
            assertThat(table.input("view.useLegacySql").asBoolean()).isFalse();
            assertThat(table.input("view.query").asText()).isEqualTo(plan.rendered().file(view.artifact()));
            String reads = view == BigQueryViews.SPANS ? SINKS + "-raw-table"
                    : view == BigQueryViews.OBJECTIVES ? SINKS + "-dataset" : SINKS + "-view-otel-traces";
            assertThat(table.dependsOn()).contains(reads);
            if (view.joinsObjectives()) {
                assertThat(table.dependsOn()).contains(SINKS + "-view-service-objectives");
            }
        }
    }

    @Test
    void onlyProdCopiesYesterdaysPartitionDailyToItsBackupRegion() {
        String transfer = "gcp:bigquery/dataTransferConfig:DataTransferConfig";
        assertThat(StackHarness.synth("dev").count(transfer)).isZero();
        assertThat(StackHarness.synth("stage").count(transfer)).isZero();
        Plan prod = StackHarness.synth("prod");
        PlannedResource copy = prod.get(transfer, SINKS + "-backup-copy");
        PlannedResource backup = prod.get(DATASET, SINKS + "-backup-dataset");
        PlannedResource extract = prod.get(transfer, SINKS + "-backup-extract");
        PlannedResource staging = prod.get(DATASET, SINKS + "-backup-staging-dataset");

        // yesterday's partition alone in a dataset of the source region, and the copy of that dataset only
        assertThat(extract.input("dataSourceId").asText()).isEqualTo("scheduled_query");
        assertThat(extract.input("location").asText()).isEqualTo("europe-west3");
        assertThat(extract.input("params.query").asText()).contains("traces_backup_staging.otel_traces_raw",
                "INTERVAL 1 DAY");
        assertThat(staging.input("location").asText()).isEqualTo("europe-west3");
        assertThat(staging.input("datasetId").asText()).isEqualTo("traces_backup_staging");
        assertThat(copy.input("params.source_dataset_id").asText()).isEqualTo("traces_backup_staging");
        assertThat(copy.dependsOn()).contains(SINKS + "-backup-extract");
        assertThat(copy.input("dataSourceId").asText()).isEqualTo("cross_region_copy");
        assertThat(copy.input("location").asText()).isEqualTo("europe-west4");
        assertThat(copy.input("destinationDatasetId").asText()).isEqualTo("traces_backup");
        assertThat(copy.input("schedule").asText()).isEqualTo("every day 01:30");
        assertThat(copy.input("serviceAccountName").asText())
                .isEqualTo("tracestack-bq-backup@dta-cloud-de-prod.iam.gserviceaccount.com");
        assertThat(copy.input("params").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("source_project_id", "source_dataset_id", "overwrite_destination_table");
        assertThat(backup.input("location").asText()).isEqualTo("europe-west4");
        assertThat(backup.protect()).isTrue();
        assertThat(backup.retainOnDelete()).isTrue();
    }

    @Test
    void aStackWithoutTheBigQueryExporterHasNoSinksButKeepsTheCollectorIdentity() {
        Plan plan = StackHarness.synth("dev", Map.of("tracestack:exporters",
                "{\"cloudTrace\":true,\"jaeger\":false,\"bigQuery\":false}"));

        assertThat(plan.count(GcpTraceSinks.TYPE)).isZero();
        assertThat(plan.count(TOPIC)).isZero();
        assertThat(plan.count(GcpIdentity.TYPE)).isOne();
        assertThat(plan.get("gcp:projects/service:Service", "gcp-identity-api-cloudtrace")).isNotNull();
        assertThat(plan.ofType("gcp:projects/service:Service")).noneMatch(s ->
                s.input("service").asText().equals("pubsub.googleapis.com"));
    }

    @Test
    void onlyTheOwnersTheReaderGroupsAndTheBackupAccountMayUseTheTraceDataset() {
        Plan prod = StackHarness.synth("prod");
        com.fasterxml.jackson.databind.JsonNode access = prod.get("gcp:bigquery/dataset:Dataset", "gcp-trace-sinks-dataset")
                .input("accesses");

        assertThat(access.findValuesAsText("specialGroup")).containsExactly("projectOwners");
        assertThat(access.findValuesAsText("groupByEmail")).containsExactly("tracing-prod-readers@example.com");
        assertThat(access.findValuesAsText("userByEmail"))
                .containsExactly("tracestack-bq-backup@dta-cloud-de-prod.iam.gserviceaccount.com");
        assertThat(access.toString()).as("no project-wide reader").doesNotContain("projectReaders", "projectWriters");
    }

    @Test
    void theBackupKeepsADatedSnapshotOfTheDaysCopy() {
        PlannedResource snapshots = StackHarness.synth("prod").get("gcp:bigquery/dataTransferConfig:DataTransferConfig",
                "gcp-trace-sinks-backup-snapshots");

        assertThat(snapshots.input("dataSourceId").asText()).isEqualTo("scheduled_query");
        assertThat(snapshots.input("location").asText()).isEqualTo("europe-west4");
        assertThat(snapshots.input("params.query").asText()).contains("CREATE SNAPSHOT TABLE", "FORMAT_DATE('%Y%m%d'");
    }
}
