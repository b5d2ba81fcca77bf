package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --set} assignments land where {@code pulumi config set --path} would put them, and are checked alike. */
class ConfigOverridesTest {

    private static StackConfig with(String stack, String... assignments) {
        return StackConfigParser.parse(ConfigOverrides.apply(StackHarness.source(stack), List.of(assignments)));
    }

    private static String error(String stack, String... assignments) {
        return ConfigErrors.of(ConfigOverrides.apply(StackHarness.source(stack), List.of(assignments)));
    }

    @Test
    void aNestedKeyChangesOnlyThatField() {
        StackConfig config = with("dev", "sampling.defaultRate=0.3");

        assertThat(config.sampling().defaultRate()).isEqualTo(0.3);
        assertThat(config.sampling().errorRate()).isEqualTo(0.5);
        assertThat(config.sampling().slowRate()).isEqualTo(0.3);
    }

    @Test
    void topLevelAndNamespacedKeysAreSetAsTheCliWould() {
        StackConfig config = with("stage", "retentionDays=30", "tracestack:cost.gkeMode=autopilot",
                "gcp:project=dta-cloud-de-other");

        assertThat(config.retentionDays()).isEqualTo(30);
        assertThat(config.cost().gkeMode()).isEqualTo(CostSettings.GkeMode.AUTOPILOT);
        assertThat(config.gcp().project()).isEqualTo("dta-cloud-de-other");
    }

    @Test
    void aKeyAbsentFromTheFileIsCreatedWithItsParents() {
        StackConfig config = with("dev", "alerts.thresholds.minSpansPerHour=50");

        assertThat(config.alerts().thresholds().minSpansPerHour()).contains(50);
        assertThat(config.alerts().notificationEmail()).contains("tracing-dev@example.com");
    }

    @Test
    void anInvalidOverrideIsTheSameErrorAsInTheStackFileNamingTheOverride() {
        String fromFile = error("dev", "sampling={\"defaultRate\": 1.5}");
        String fromSet = error("dev", "sampling.defaultRate=1.5");

        assertThat(fromSet).isEqualTo(
                "Pulumi.dev.yaml (with --set): tracestack:sampling.defaultRate must be within [0, 1], got 1.5");
        assertThat(fromFile).isEqualTo(fromSet);
        assertThat(fromFile.replace(" (with --set)", "")).isEqualTo(ConfigErrors.of("dev", Map.of(
                ConfigKeys.SAMPLING, "{\"defaultRate\": 1.5, \"errorRate\": 0.5, \"slowRate\": 0.3}")));
    }

    @Test
    void aMisspelledOverrideGetsTheNearMissSuggestion() {
        assertThat(error("dev", "sampling.defaultRat=0.3")).isEqualTo("Pulumi.dev.yaml (with --set): "
                + "tracestack:sampling.defaultRat is not a known key (did you mean tracestack:sampling.defaultRate?)"
                + ", got 0.3");
    }

    @Test
    void anAssignmentWithoutAValueIsRejected() {
        assertThatThrownBy(() -> ConfigOverrides.apply(StackHarness.source("dev"), List.of("retentionDays")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("--set: 'retentionDays' must be key=value, e.g. --set sampling.defaultRate=0.3");
    }

    @Test
    void aFieldInsideAScalarIsRejected() {
        assertThatThrownBy(() -> ConfigOverrides.apply(StackHarness.source("dev"), List.of("retentionDays.days=3")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("--set: tracestack:retentionDays.days cannot be set: tracestack:retentionDays is not an "
                        + "object (a YAML mapping), got 3");
    }
}
