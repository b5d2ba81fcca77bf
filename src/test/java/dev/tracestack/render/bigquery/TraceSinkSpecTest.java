package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sinks' derived limits: partition expiry from the retention, Pub/Sub retention within Pub/Sub's bounds. */
class TraceSinkSpecTest {

    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    private final TraceSinkSpec dev = TraceSinkSpec.of(StackHarness.config("dev"));
    private final TraceSinkSpec stage = TraceSinkSpec.of(StackHarness.config("stage"));
    private final TraceSinkSpec prod = TraceSinkSpec.of(StackHarness.config("prod"));

    @Test
    void partitionsExpireAfterThreeFourteenAndNinetyDays() {
        assertThat(dev.partitionExpirationMs()).isEqualTo(259_200_000L).isEqualTo(3 * DAY_MS);
        assertThat(stage.partitionExpirationMs()).isEqualTo(1_209_600_000L).isEqualTo(14 * DAY_MS);
        assertThat(prod.partitionExpirationMs()).isEqualTo(7_776_000_000L).isEqualTo(90 * DAY_MS);
    }

    @Test
    void theTopicKeepsTheRetentionUpToPubSubsThirtyOneDayMaximum() {
        assertThat(dev.topicRetentionSeconds()).isEqualTo(3 * 86_400L);
        assertThat(stage.topicRetentionSeconds()).isEqualTo(14 * 86_400L);
        assertThat(prod.topicRetentionSeconds()).isEqualTo(31 * 86_400L);
        assertThat(dev.topicRetentionClamped()).isFalse();
        assertThat(stage.topicRetentionClamped()).isFalse();
        assertThat(prod.topicRetentionClamped()).isTrue();
    }

    @Test
    void subscriptionsKeepUnackedMessagesAtMostSevenDays() {
        assertThat(dev.subscriptionRetentionSeconds()).isEqualTo(3 * 86_400L);
        assertThat(stage.subscriptionRetentionSeconds()).isEqualTo(7 * 86_400L);
        assertThat(prod.subscriptionRetentionSeconds()).isEqualTo(7 * 86_400L);
    }

    @Test
    void namesFollowTheEnvironmentOnlyWherePhysicalNamesMayCarryIt() {
        assertThat(dev.topic()).isEqualTo("otel-traces-dev");
        assertThat(dev.deadLetterTopic()).isEqualTo("otel-traces-dev-dead-letter");
        assertThat(dev.subscription()).isEqualTo("otel-traces-dev-bigquery");
        assertThat(prod.rawTableReference()).isEqualTo("dta-cloud-de-prod.traces.otel_traces_raw");
        assertThat(dev.dataset()).isEqualTo(prod.dataset()).isEqualTo("traces");
    }

    @Test
    void onlyStageAndProdAreProtectedAndOnlyProdIsCopiedToASecondRegion() {
        assertThat(dev.stateful()).isFalse();
        assertThat(stage.stateful()).isTrue();
        assertThat(prod.stateful()).isTrue();
        assertThat(dev.backup()).isEmpty();
        assertThat(stage.backup()).isEmpty();
        assertThat(prod.backup()).hasValueSatisfying(backup -> {
            assertThat(backup.dataset()).isEqualTo("traces_backup");
            assertThat(backup.location()).isEqualTo("europe-west4");
            assertThat(backup.stagingDataset()).isEqualTo("traces_backup_staging");
            // extract, copy, snapshot: an hour apart, in that order, once a day
            assertThat(List.of(backup.extractSchedule(), backup.schedule(), backup.snapshotSchedule()))
                    .containsExactly("every day 00:30", "every day 01:30", "every day 02:30");
            assertThat(backup.extractSql()).contains(
                    "CREATE OR REPLACE TABLE `dta-cloud-de-prod.traces_backup_staging.otel_traces_raw`",
                    "FROM `dta-cloud-de-prod.traces.otel_traces_raw`",
                    "WHERE publish_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 1 DAY))",
                    "AND publish_time < TIMESTAMP(CURRENT_DATE())");
            assertThat(backup.snapshotSql()).contains("CREATE SNAPSHOT TABLE IF NOT EXISTS "
                    + "`dta-cloud-de-prod.traces_backup.otel_traces_raw_%s`", "INTERVAL 90 DAY",
                    "FORMAT_DATE('%Y%m%d', (SELECT MAX(DATE(publish_time)) FROM "
                    + "`dta-cloud-de-prod.traces_backup.otel_traces_raw`))");
        });
    }

    @Test
    void deadLettersComeAfterFiveDeliveryAttempts() {
        assertThat(prod.maxDeliveryAttempts()).isEqualTo(5);
    }
}
