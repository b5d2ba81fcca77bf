package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per Elasticsearch rule, checked only where Jaeger is deployed. */
class ElasticsearchSettingsTest {

    @Test
    void aNodeCountOfZeroIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 0}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.nodes must be at least 1, got 0");
    }

    @Test
    void anElasticsearchVersionOtherThanEightIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"version\": \"7.17.0\"}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.version "
                        + "must be a pinned Elasticsearch 8 version such as 8.19.3, got 7.17.0");
    }

    @Test
    void aHeapLargerThanHalfTheMemoryIsRejected() {
        assertThat(ConfigErrors.of("stage",
                Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\": 2048, \"memoryMiB\": 2048}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.heapMiB "
                        + "must be at least 256 and at most half of tracestack:elasticsearch.memoryMiB (2048), got 2048");
    }

    @Test
    void zoneAwarenessOnOneNodeIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"zoneAwareness\": true}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.zoneAwareness "
                        + "needs at least 2 nodes (tracestack:elasticsearch.nodes is 1), got true");
    }

    @Test
    void aSingleRegionSnapshotBucketIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 3, \"zoneAwareness\": true, "
                + "\"snapshots\": {\"enabled\": true, \"bucketLocation\": \"europe-west3\"}}")))
                .contains("Pulumi.prod.yaml: tracestack:elasticsearch.snapshots.bucketLocation must be a multi-region "
                        + "or dual-region location (e.g. EU or EUR4) so snapshots survive the loss of a region, "
                        + "got europe-west3");
    }

    @Test
    void devNeedsNoneOfTheJaegerSettingsEvenWithBadElasticsearchValues() {
        StackConfig dev = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 0}")));

        assertThat(dev.jaeger().enabled()).isFalse();
        assertThat(dev.elasticsearch().nodes()).isZero();
    }

    @Test
    void stageHasOneNodeAndProdThreeAcrossZones() {
        assertThat(StackHarness.config("stage").elasticsearch().nodes()).isEqualTo(1);
        assertThat(StackHarness.config("stage").elasticsearch().zoneAwareness()).isFalse();
        assertThat(StackHarness.config("prod").elasticsearch().nodes()).isEqualTo(3);
        assertThat(StackHarness.config("prod").elasticsearch().zoneAwareness()).isTrue();
        assertThat(StackHarness.config("prod").elasticsearch().snapshots().enabled()).isTrue();
    }

    @Test
    void anElasticsearchRetentionLongerThanTheStacksIsRejected() {
        assertThat(ConfigErrors.of(ConfigOverrides.apply(StackHarness.source("stage"),
                java.util.List.of("elasticsearch.retentionDays=15"))))
                .isEqualTo("Pulumi.stage.yaml (with --set): tracestack:elasticsearch.retentionDays must be within "
                        + "[1, tracestack:retentionDays] ([1, 14]): Elasticsearch keeps the recent part of what "
                        + "BigQuery keeps, got 15");
    }

    @Test
    void aRolloverAsOldAsTheElasticsearchRetentionIsRejectedOnThatKey() {
        assertThat(ConfigErrors.of(ConfigOverrides.apply(StackHarness.source("prod"),
                java.util.List.of("elasticsearch.retentionDays=1"))))
                .contains("Pulumi.prod.yaml (with --set): tracestack:elasticsearch.rollover.maxAgeDays must be shorter "
                        + "than tracestack:elasticsearch.retentionDays (1 days), or indices are deleted as soon as "
                        + "they roll over, got 1");
    }
}
