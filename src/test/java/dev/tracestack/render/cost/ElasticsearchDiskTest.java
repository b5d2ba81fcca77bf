package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.config.ConfigOverrides;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Elasticsearch's disks against the retention × a day's kept spans × the shard copies, below the low watermark. */
class ElasticsearchDiskTest {

    private static StackConfig prodWith(String... assignments) {
        return StackConfigParser.parse(ConfigOverrides.apply(StackHarness.source("prod"), List.of(assignments)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyStackWithJaegerHoldsItsRetentionBelowTheWatermark(String stack) {
        ElasticsearchDisk disk = ElasticsearchDisk.of(StackHarness.config(stack));

        assertThat(disk.fits()).isTrue();
        assertThat(disk.neededGiB()).isLessThanOrEqualTo(disk.provisionedGiB() * ElasticsearchDisk.LOW_WATERMARK);
    }

    @Test
    void prodHoldsFourteenDaysAndARolloverOfTwoCopiesOnThreeFiftyGiBVolumes() {
        // 40 spans/s × 86,400 s × 900 B = 2.896795 GiB a day (prod keeps every span); (14 + 1) days × 2 copies
        // = 86.90 GiB of 150 GiB: 57.9%
        ElasticsearchDisk disk = ElasticsearchDisk.of(StackHarness.config("prod"));

        assertThat(disk.gibPerDay()).isCloseTo(40.0 * 86_400 * 900 / (1L << 30), within(1e-9));
        assertThat(disk.daysOnDisk()).isEqualTo(15);
        assertThat(disk.copies()).isEqualTo(2);
        assertThat(disk.neededGiB()).isCloseTo(86.90, within(0.01));
        assertThat(disk.usedShare()).isCloseTo(0.579, within(0.001));
    }

    @Test
    void ninetyDaysOnProdsFormerVolumesAreAConfigErrorWithTheFigures() {
        // 91 days × 2.90 GiB × 2 copies = 527.2 GiB > 3 × 200 GiB × 0.85 = 510 GiB
        assertThat(ConfigErrors.of(ConfigOverrides.apply(StackHarness.source("prod"),
                List.of("elasticsearch.retentionDays=90", "elasticsearch.volumeSizeGi=200"))))
                .isEqualTo("Pulumi.prod.yaml (with --set): tracestack:elasticsearch.volumeSizeGi must hold 91 days on "
                        + "disk (retention 90 + rollover 1) × 2.90 GiB a day (at tracestack:cost.spansPerSecond 40) "
                        + "× 2 copies = 527.2 GiB below Elasticsearch's 85% low disk watermark, but 3 nodes × 200 GiB "
                        + "× 0.85 = 510.0 GiB (88% full); set it to at least 207, or shorten "
                        + "tracestack:elasticsearch.retentionDays, got 200");
    }

    @Test
    void theSmallestVolumeTheRuleNamesIsEnough() {
        StackConfig config = prodWith("elasticsearch.retentionDays=90", "elasticsearch.volumeSizeGi=207");

        assertThat(ElasticsearchDisk.of(config).fits()).isTrue();
        assertThat(ElasticsearchDisk.of(prodWith("elasticsearch.retentionDays=90",
                "elasticsearch.volumeSizeGi=206")).fits()).isFalse();
    }

    @Test
    void withoutItsOwnRetentionElasticsearchKeepsTheStacks() {
        StackConfig stage = StackHarness.config("stage");

        assertThat(stage.elasticsearch().retentionDays()).isEmpty();
        assertThat(ElasticsearchDisk.of(stage).daysOnDisk()).isEqualTo(14 + 1);
    }
}
