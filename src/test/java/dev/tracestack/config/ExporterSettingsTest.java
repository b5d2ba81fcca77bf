package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which backends receive spans. */
class ExporterSettingsTest {

    @Test
    void allExportersOffIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":false,\"jaeger\":false,\"bigQuery\":false}"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:exporters must turn on at least one of cloudTrace, jaeger, bigQuery "
                        + "(the collector has nowhere to send spans), got all off");
    }

    @Test
    void exportingToJaegerFollowsWhetherJaegerIsDeployedUnlessTheStackSays() {
        assertThat(StackHarness.config("dev").exporters()).isEqualTo(new ExporterSettings(true, false, true));
        assertThat(StackHarness.config("stage").exporters().jaeger()).isTrue();
        assertThat(StackConfigParser.parse(StackHarness.withOverrides("stage",
                Map.of(ConfigKeys.EXPORTERS, "{\"jaeger\": false}"))).exporters().jaeger()).isFalse();
    }
}
