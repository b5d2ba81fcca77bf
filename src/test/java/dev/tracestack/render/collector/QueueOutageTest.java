package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfigParser;
import dev.tracestack.testing.StackHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outage prod's persistent queue holds, from its size, the traffic and the autoscaler's target. */
class QueueOutageTest {

    @Test
    void prodsQueueHoldsHoursAtTheAssumedTrafficAndMinutesAtTheAutoscalersTarget() {
        QueueOutage prod = QueueOutage.of(StackHarness.config("prod")).orElseThrow();
        // 1.75 GiB a queue; 40 spans/s over 3 pods = 13.3 spans/s of 900 bytes: 1,879,048,192 / 12,000 = 156,587 s
        assertThat(prod.queueBytes()).isEqualTo(1_879_048_192L);
        assertThat(prod.atAssumedTraffic()).isEqualTo(Duration.ofSeconds(156_587));
        // 73,500 spans a CPU-second × 500m × 70% = 25,725 spans/s of 900 bytes: 1,879,048,192 / 23,152,500 = 81 s
        assertThat(prod.scaleOutSpansPerSecond()).isEqualTo(25_725.0);
        assertThat(prod.atScaleOut()).isEqualTo(Duration.ofSeconds(81));
        assertThat(prod.describe()).isEqualTo("each exporter's queue on the volume holds 1.75 GiB: a backend outage of "
                + "43.5 hours at the assumed 13.3 spans/s a pod, 1.4 minutes at the autoscaler's CPU target "
                + "(25,725 spans/s a pod)");
    }

    @Test
    void aLargerVolumeHoldsALongerOutage() {
        String collector = StackHarness.source("prod").values().get("tracestack:collector");
        assertThat(collector).contains("\"sizeGiB\":20");
        var larger = StackConfigParser.parse(StackHarness.withOverrides("prod", Map.of("tracestack:collector",
                collector.replace("\"sizeGiB\":20", "\"sizeGiB\":40"))));
        assertThat(QueueOutage.of(larger).orElseThrow().atScaleOut()).isEqualTo(Duration.ofSeconds(162));
    }

    @Test
    void aStackWithoutAPersistentQueueHasNoneToState() {
        assertThat(QueueOutage.of(StackHarness.config("stage"))).isEmpty();
        assertThat(QueueOutage.of(StackHarness.config("dev"))).isEmpty();
    }
}
