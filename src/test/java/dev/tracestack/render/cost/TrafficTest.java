package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** Kept spans per trace class, with the collector's own keep rates (docs/collector.md's table). */
class TrafficTest {

    /**
     * dev: errors 2%, slow 10%, independent; keep rates 10% / 50% / 30% / 50%.
     * <pre>
     * ordinary        0.98 × 0.90 = 0.882 × 0.1 = 0.0882
     * error           0.02 × 0.90 = 0.018 × 0.5 = 0.0090
     * slow            0.98 × 0.10 = 0.098 × 0.3 = 0.0294
     * slow and error  0.02 × 0.10 = 0.002 × 0.5 = 0.0010
     * kept share                                 = 0.1276
     * received 2 spans/s × 730 h × 3600 = 5,256,000; kept 670,665.6
     * </pre>
     */
    @Test
    void devKeepsItsClassesAtTheCollectorsRates() {
        Traffic t = Traffic.assumed(StackHarness.config("dev"), 730);

        assertThat(t.classes().get("ordinary").keepRate()).isEqualTo(0.1);
        assertThat(t.classes().get("error").keepRate()).isEqualTo(0.5);
        assertThat(t.classes().get("slow").keepRate()).isEqualTo(0.3);
        assertThat(t.classes().get("slow and error").keepRate()).isEqualTo(0.5);
        assertThat(t.keptShare()).isCloseTo(0.1276, within(1e-12));
        assertThat(t.receivedSpans()).isEqualTo(5_256_000);
        assertThat(t.keptSpans()).isCloseTo(670_665.6, within(1e-6));
    }

    @Test
    void prodKeepsEverything() {
        assertThat(Traffic.assumed(StackHarness.config("prod"), 730).keptShare()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aMeasuredMonthDerivesTheReceivedSpansFromTheKeepShare() {
        Traffic t = Traffic.measured(StackHarness.config("dev"), 1_276_000);

        assertThat(t.keptSpans()).isEqualTo(1_276_000);
        assertThat(t.receivedSpans()).isCloseTo(10_000_000, within(1e-3));
        assertThat(t.measured()).isTrue();
    }
}
