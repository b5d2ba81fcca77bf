package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import org.junit.jupiter.api.Test;

/** The head and tail sampling rates, one test per message. */
class SamplingSettingsTest {

    @Test
    void aRateAboveOneIsRejectedWithFileKeyValueAndRule() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:sampling",
                "{\"defaultRate\":1.5,\"errorRate\":0.5,\"slowRate\":0.3,\"slowThresholdMs\":2000}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRate must be within [0, 1], got 1.5");
    }

    @Test
    void negativeErrorAndSlowRatesAreBothReported() {
        assertThat(ConfigErrors.problems("stage", ConfigErrors.override("tracestack:sampling",
                "{\"defaultRate\":0.3,\"errorRate\":-0.1,\"slowRate\":2}")))
                .containsExactly(
                        "Pulumi.stage.yaml: tracestack:sampling.errorRate must be within [0, 1], got -0.1",
                        "Pulumi.stage.yaml: tracestack:sampling.slowRate must be within [0, 1], got 2");
    }

    @Test
    void aSlowThresholdOfZeroIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:sampling", "{\"slowThresholdMs\":0}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.slowThresholdMs must be greater than 0, got 0");
    }
}
