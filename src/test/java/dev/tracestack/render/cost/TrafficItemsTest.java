package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/**
 * The traffic-driven lines of prod, each against the arithmetic written out by hand. Prod keeps every span
 * (defaultRate 1), receives 40 spans/s of 900 bytes and retains 90 days; a month is 730 hours.
 *
 * <pre>
 * kept spans     = 40 × 730 × 3600                      = 105,120,000 a month
 * kept bytes     = 105,120,000 × 900                    = 94,608,000,000
 * TiB            = 94,608,000,000 / 2^40                = 0.0860455
 * GiB a day      = 94,608,000,000 / 2^30 / (730 / 24)   = 2.896795
 * </pre>
 */
class TrafficItemsTest {

    private static final CostEstimate PROD = CostEstimator.estimate(StackHarness.config("prod"));
    private static final double GIB_PER_DAY = 94_608_000_000.0 / (1L << 30) / (730.0 / 24);
    private static final double TIB = 94_608_000_000.0 / (1L << 40);

    private static Charge only(String id) {
        LineItem item = PROD.item(id).orElseThrow(() -> new AssertionError("no line " + id));
        assertThat(item.charges()).hasSize(1);
        return item.charges().get(0);
    }

    @Test
    void cloudTraceBillsTheKeptSpansAboveTheFreeMillions() {
        // max(0, 105.12 - 2.5) million × $0.20 = $20.524 → $20.52
        Charge c = only("cloud-trace.spans");
        assertThat(c.quantity()).isEqualTo(105.12);
        assertThat(c.free()).isEqualTo(2.5);
        assertThat(c.monthlyUsd()).isEqualTo(20.52);
    }

    @Test
    void publishingBillsTheKeptBytesAboveTenGiB() {
        // max(0, 0.0860455 - 10/1024) TiB × $40 = 0.0762799 × 40 = $3.051 → $3.05
        Charge c = only("pubsub.publish");
        assertThat(c.quantity()).isCloseTo(TIB, within(1e-7));
        assertThat(c.free()).isEqualTo(10.0 / 1024);
        assertThat(c.monthlyUsd()).isEqualTo(3.05);
    }

    @Test
    void theBigQuerySubscriptionBillsEveryByteWithoutAFreeTier() {
        // 0.0860455 TiB × $50 = $4.302 → $4.30
        Charge c = only("pubsub.bigquery-subscription");
        assertThat(c.free()).isZero();
        assertThat(c.monthlyUsd()).isEqualTo(4.30);
    }

    @Test
    void theTopicKeepsThirtyOneDaysBecausePubSubCapsTheRetention() {
        // 2.896795 GiB × 31 days (90 capped at 31) = 89.80 GiB-month × $0.27 = $24.246 → $24.25
        Charge c = only("pubsub.topic-retention");
        assertThat(c.quantity()).isCloseTo(GIB_PER_DAY * 31, within(1e-4));
        assertThat(c.monthlyUsd()).isEqualTo(24.25);
    }

    @Test
    void deadLettersAreATenthOfAPercentOfTheBytes() {
        // 0.0860455 × 0.001 TiB × $40 = $0.0034 → $0.00
        Charge c = only("pubsub.dead-letter");
        assertThat(c.quantity()).isCloseTo(TIB * 0.001, within(1e-9));
        assertThat(c.monthlyUsd()).isZero();
    }

    @Test
    void bigQueryStoresNinetyDaysOfPartitionsAsActiveStorage() {
        // 2.896795 × 90 = 260.71 GiB; max(0, 260.71 - 10) × $0.02 = $5.014 → $5.01; nothing is 90+ days old
        Charge c = only("bigquery.storage-active");
        assertThat(c.priceId()).isEqualTo("bigquery.storage.active.europe-west3");
        assertThat(c.quantity()).isCloseTo(GIB_PER_DAY * 90, within(1e-3));
        assertThat(c.monthlyUsd()).isEqualTo(5.01);
        assertThat(PROD.item("bigquery.storage-long-term")).isEmpty();
    }

    @Test
    void queriesReadTheirWindowPlusHalfOfTodaysPartitionAndTheBackupReadsYesterday() {
        // daily: completeness 1.5 + latency (1/24 + 0.5) + error rate 1.5 + slowest 7.5 + dependencies 1.5
        //        = 12.541667 days × 30.416667 runs; monthly_volume once: 730/24 + 0.5 = 30.916667 days;
        //        the backup's extract: 1 day × 30.416667 runs
        // (13.541667 × 30.416667 + 30.916667) × 2.896795 GiB = 1282.72 GiB = 1.252655 TiB
        // max(0, 1.252655 - 1) × $6.25 = $1.579 → $1.58
        double days = (1.5 + (1.0 / 24 + 0.5) + 1.5 + 7.5 + 1.5 + 1) * (730.0 / 24) + (730.0 / 24 + 0.5);
        Charge c = only("bigquery.queries");
        assertThat(c.quantity()).isCloseTo(days * GIB_PER_DAY / 1024, within(1e-5));
        assertThat(c.monthlyUsd()).isEqualTo(1.58);
    }

    @Test
    void theDailyCopyMovesYesterdaysPartitionAndTheSecondRegionKeepsEveryDayOfTheRetention() {
        // snapshots in europe-west4: 2.896795 GiB × 90 days = 260.71 GiB × $0.02 = $5.214 → $5.21
        // staging in europe-west3: one day, 2.896795 GiB × $0.02 (the raw table took the free 10 GiB) → $0.06
        // transfer: 2.896795 GiB × (730 / 24) runs = 88.11 GiB × $0.02 = $1.762 → $1.76
        // (the whole table every run, as before: 7929.95 GiB, $158.60)
        LineItem storage = PROD.item("bigquery.backup-storage").orElseThrow();
        assertThat(storage.charges()).extracting(Charge::monthlyUsd).containsExactly(5.21, 0.06);
        Charge transfer = only("bigquery.backup-transfer");
        assertThat(transfer.priceId()).isEqualTo("network.interRegion.europe");
        assertThat(transfer.quantity()).isCloseTo(GIB_PER_DAY * 730 / 24, within(1e-4));
        assertThat(transfer.monthlyUsd()).isEqualTo(1.76);
    }

    @Test
    void snapshotsHoldTheRetentionPlusTheSnapshotExpiryOfPrimaries() {
        // Elasticsearch's 14 days, not BigQuery's 90: 2.896795 × (14 + 30) days = 127.46 GiB-month × $0.026
        // = $3.314 → $3.31
        Charge c = only("gcs.elasticsearch-snapshots");
        assertThat(c.priceId()).isEqualTo("gcs.standard.EU");
        assertThat(c.monthlyUsd()).isEqualTo(3.31);
    }
}
