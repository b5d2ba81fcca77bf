package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.render.cost.LineItem.Driver;
import dev.tracestack.testing.StackHarness;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Properties the estimate holds for any stack, whatever the prices. */
class CostPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void theItemsSumToTheTotal(String stack) {
        CostEstimate e = CostEstimator.estimate(StackHarness.config(stack));

        BigDecimal sum = e.items().stream().map(i -> BigDecimal.valueOf(i.monthlyUsd()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(BigDecimal.valueOf(e.totalUsd())).isEqualByComparingTo(sum);
        assertThat(e.items()).allSatisfy(i -> assertThat(i.monthlyUsd()).isEqualTo(
                i.charges().stream().mapToDouble(Charge::monthlyUsd).sum(), within(1e-9)));
    }

    /**
     * Free allotments are subtracted after the quantity, so what doubles is the quantity used; the billable
     * part doubles only above the allotment.
     */
    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void doublingTheSpansPerSecondDoublesEveryTrafficLineAndLeavesTheFixedOnesAlone(String stack) {
        double sps = StackHarness.config(stack).cost().spansPerSecond();
        CostEstimate base = CostEstimator.estimate(StackHarness.config(stack));
        CostEstimate doubled = Estimates.of(stack, "cost.spansPerSecond=" + sps * 2);

        assertThat(base.items()).extracting(LineItem::id).containsExactlyElementsOf(
                doubled.items().stream().map(LineItem::id).toList());
        for (LineItem item : base.items()) {
            LineItem after = doubled.item(item.id()).orElseThrow();
            if (item.driver() == Driver.TRAFFIC) {
                for (int i = 0; i < item.charges().size(); i++) {
                    assertThat(after.charges().get(i).quantity()).as(item.id())
                            .isCloseTo(2 * item.charges().get(i).quantity(), within(1e-5 * item.charges().get(i)
                                    .quantity() + 1e-9));
                }
            } else {
                assertThat(after.monthlyUsd()).as(item.id()).isEqualTo(item.monthlyUsd());
            }
        }
    }

    @Test
    void doublingTheRetentionDoublesTheSteadyStateStorage() {
        double before = storage(CostEstimator.estimate(StackHarness.config("stage")));
        double after = storage(Estimates.of("stage", "retentionDays=28"));

        assertThat(after).isCloseTo(2 * before, within(1e-4));
    }

    private static double storage(CostEstimate e) {
        return e.items().stream().filter(i -> i.id().startsWith("bigquery.storage-"))
                .flatMap(i -> i.charges().stream()).mapToDouble(Charge::quantity).sum();
    }

    /**
     * With dev's sampling only the ordinary class keeps at the default rate (errors 50%, slow 30% stay above
     * 20%), so raising it from 0.1 to 0.2 keeps 0.1 more of the ordinary traces: the share (1 - e)(1 - s) of
     * all. At 100 spans/s: 100 × 730 × 3600 × 0.98 × 0.90 × 0.1 = 23,178,960 more spans, × $0.20 a million.
     */
    @Test
    void raisingTheDefaultRateChangesCloudTraceByTheChangeInKeptSpans() {
        CostEstimate at10 = Estimates.of("dev", "cost.spansPerSecond=100", "sampling.defaultRate=0.1");
        CostEstimate at20 = Estimates.of("dev", "cost.spansPerSecond=100", "sampling.defaultRate=0.2");
        double moreSpans = 100 * 730 * 3600 * (1 - 0.02) * (1 - 0.10) * (0.2 - 0.1);

        assertThat(moreSpans).isCloseTo(23_178_960, within(1e-3));
        double delta = cloudTrace(at20) - cloudTrace(at10);
        assertThat(delta).isCloseTo(moreSpans / 1e6 * 0.20, within(0.01));
    }

    private static double cloudTrace(CostEstimate e) {
        return e.item("cloud-trace.spans").orElseThrow().monthlyUsd();
    }

    @Test
    void aMeasuredMonthReplacesTheAssumedKeptSpans() {
        CostEstimate measured = CostEstimator.estimate(StackHarness.config("prod"), OptionalDouble.of(50_000_000));

        assertThat(measured.item("cloud-trace.spans").orElseThrow().charges().get(0).quantity()).isEqualTo(50);
        assertThat(measured.item("cloud-trace.spans").orElseThrow().inputs()).containsEntry("measured", true);
        // Fixed lines do not move with the volume.
        CostEstimate assumed = CostEstimator.estimate(StackHarness.config("prod"));
        assertThat(measured.item("disk.elasticsearch")).isEqualTo(assumed.item("disk.elasticsearch"));
    }

    @Test
    void theUpperBoundCountsEveryAutoscaledWorkloadAtItsMaximum() {
        CostEstimate e = CostEstimator.estimate(StackHarness.config("prod"));
        List<LineItem> scaling = e.items().stream().filter(i -> i.monthlyAtMaxUsd().isPresent()).toList();

        assertThat(scaling).extracting(LineItem::id).contains("gke.otel-collector-gateway", "gke.jaeger-collector",
                "disk.collector-queue");
        assertThat(e.totalAtMaxReplicasUsd()).isCloseTo(e.totalUsd() + scaling.stream()
                .mapToDouble(i -> i.monthlyAtMaxUsd().orElseThrow() - i.monthlyUsd()).sum(), within(1e-6));
    }
}
