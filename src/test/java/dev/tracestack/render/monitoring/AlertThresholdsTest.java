package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.AlertStrictness;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.testing.StackHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule set per strictness level and per environment, from the real stack files. */
class AlertThresholdsTest {

    @Test
    void normalIsTheSeedsRuleSet() {
        AlertThresholds normal = AlertThresholds.of(AlertStrictness.NORMAL);

        assertThat(normal.minSpansPerHour()).isEqualTo(100);
        assertThat(normal.ingestionFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(normal.maxErrorRate()).isEqualTo(0.05);
        assertThat(normal.errorRateFor()).isEqualTo(Duration.ofMinutes(3));
        assertThat(normal.maxP95LatencyMs()).isEqualTo(2000);
        assertThat(normal.latencyFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(normal.collectorAbsentFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(normal.storageErrorsFor()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void lenientDoublesEveryToleranceAndDuration() {
        AlertThresholds lenient = AlertThresholds.of(AlertStrictness.LENIENT);

        assertThat(lenient.minSpansPerHour()).isEqualTo(50);
        assertThat(lenient.maxErrorRate()).isEqualTo(0.10);
        assertThat(lenient.maxP95LatencyMs()).isEqualTo(4000);
        assertThat(lenient.maxLostSpansPerSecond()).isEqualTo(2);
        assertThat(lenient.errorRateFor()).isEqualTo(Duration.ofMinutes(6));
        assertThat(lenient.collectorAbsentFor()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void strictHalvesEveryToleranceAndRoundsDurationsUpToWholeMinutes() {
        AlertThresholds strict = AlertThresholds.of(AlertStrictness.STRICT);

        assertThat(strict.minSpansPerHour()).isEqualTo(200);
        assertThat(strict.maxErrorRate()).isEqualTo(0.025);
        assertThat(strict.maxP95LatencyMs()).isEqualTo(1000);
        assertThat(strict.maxLostSpansPerSecond()).isEqualTo(0.5);
        assertThat(strict.errorRateFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(strict.latencyFor()).isEqualTo(Duration.ofMinutes(3));
        assertThat(strict.storageErrorsFor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void devStageAndProdGetLenientNormalAndStrictFromTheirStackFiles() {
        assertThat(AlertThresholds.of(StackHarness.config("dev").alerts()))
                .isEqualTo(AlertThresholds.of(AlertStrictness.LENIENT));
        assertThat(AlertThresholds.of(StackHarness.config("stage").alerts())).isEqualTo(AlertThresholds.NORMAL);
        assertThat(AlertThresholds.of(StackHarness.config("prod").alerts()))
                .isEqualTo(AlertThresholds.of(AlertStrictness.STRICT));
    }

    @Test
    void aStackOverridesSingleThresholdsAndKeepsTheRestOfItsLevel() {
        var config = StackConfigParser.parse(StackHarness.withOverrides("prod", Map.of("tracestack:alerts",
                "{\"strictness\":\"strict\",\"thresholds\":{\"maxP95LatencyMs\":1500,\"maxErrorRatePercent\":4}}")));

        AlertThresholds t = AlertThresholds.of(config.alerts());

        assertThat(t.maxP95LatencyMs()).isEqualTo(1500);
        assertThat(t.maxErrorRate()).isEqualTo(0.04);
        assertThat(t.minSpansPerHour()).isEqualTo(200);
        assertThat(t.latencyFor()).isEqualTo(Duration.ofMinutes(3));
    }
}
