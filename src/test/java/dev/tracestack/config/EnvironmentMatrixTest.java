package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** The environment matrix of DESIGN.md, read from the real stack files. */
class EnvironmentMatrixTest {

    private final StackConfig dev = StackHarness.config("dev");
    private final StackConfig stage = StackHarness.config("stage");
    private final StackConfig prod = StackHarness.config("prod");

    @Test
    void headSamplingIsTenThirtyAndOneHundredPercent() {
        assertThat(dev.sampling().defaultRate()).isEqualTo(0.1);
        assertThat(stage.sampling().defaultRate()).isEqualTo(0.3);
        assertThat(prod.sampling().defaultRate()).isEqualTo(1.0);
    }

    @Test
    void errorAndSlowTracesAreKeptMoreOftenOutsideProdAndAlwaysInProd() {
        assertThat(dev.sampling()).isEqualTo(new SamplingSettings(0.1, 0.5, 0.3, 2000));
        assertThat(stage.sampling()).isEqualTo(new SamplingSettings(0.3, 0.5, 0.3, 2000));
        assertThat(prod.sampling()).isEqualTo(new SamplingSettings(1.0, 1.0, 1.0, 2000));
    }

    @Test
    void retentionIsThreeFourteenAndNinetyDays() {
        assertThat(dev.retentionDays()).isEqualTo(3);
        assertThat(stage.retentionDays()).isEqualTo(14);
        assertThat(prod.retentionDays()).isEqualTo(90);
    }

    @Test
    void jaegerAndDetailedTracingAreOffOnlyInDev() {
        assertThat(dev.jaeger().enabled()).isFalse();
        assertThat(stage.jaeger().enabled()).isTrue();
        assertThat(prod.jaeger().enabled()).isTrue();
        assertThat(dev.detailedTracing()).isFalse();
        assertThat(stage.detailedTracing()).isTrue();
        assertThat(prod.detailedTracing()).isTrue();
        assertThat(dev.exporters().jaeger()).isFalse();
        assertThat(stage.exporters().jaeger()).isTrue();
    }

    @Test
    void onlyProdIsBackedUpAcrossRegions() {
        assertThat(dev.crossRegionBackup()).isFalse();
        assertThat(stage.crossRegionBackup()).isFalse();
        assertThat(prod.crossRegionBackup()).isTrue();
    }

    @Test
    void alertsAreLenientNormalAndStrict() {
        assertThat(dev.alerts().strictness()).isEqualTo(AlertStrictness.LENIENT);
        assertThat(stage.alerts().strictness()).isEqualTo(AlertStrictness.NORMAL);
        assertThat(prod.alerts().strictness()).isEqualTo(AlertStrictness.STRICT);
    }

    @Test
    void everyCloudStackIsInEuropeWest3WithItsOwnProject() {
        for (StackConfig config : new StackConfig[] {dev, stage, prod}) {
            assertThat(config.gcp().region()).isEqualTo("europe-west3");
            assertThat(config.gcp().project()).endsWith("-" + config.environment().id());
            assertThat(config.alerts().notificationEmail()).isPresent();
        }
    }
}
