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
    void exportingToJaegerFollowsWhetherJaegerIsDeployed() {
        assertThat(StackHarness.config("dev").exporters()).isEqualTo(new ExporterSettings(true, false, true));
        assertThat(StackHarness.config("stage").exporters().jaeger()).isTrue();
    }

    @Test
    void jaegerTurnedOnInDevGetsTheSpans() {
        StackConfig dev = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"oauthProxy\": {\"enabled\": false}}")));

        assertThat(dev.jaeger().enabled()).isTrue();
        assertThat(dev.exporters()).isEqualTo(new ExporterSettings(true, true, true));
    }
}
