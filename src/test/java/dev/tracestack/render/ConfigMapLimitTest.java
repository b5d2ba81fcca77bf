package dev.tracestack.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fleet whose lists would not fit a ConfigMap is a config error, before anything is registered. */
class ConfigMapLimitTest {

    @Test
    void aGatewayConfigOverOneMebibyteIsRejectedNamingTheNumberOfServices() {
        // GIVEN stage with 20,000 services with objectives and teams: the gateway lists each name three times
        var source = ServiceFleet.withFleet(StackHarness.source("stage"), 20_000);

        // THEN the config is rejected, naming the count, the ConfigMap and its size
        assertThat(ConfigErrors.problems(source)).containsExactly("Pulumi.stage.yaml: tracestack:services must fit "
                + "the ConfigMap otel-collector-gateway into the 1 MiB Kubernetes allows, and their settings make it "
                + "1.04 MiB (give fewer services settings of their own, or shorter names), got 20000 services");
    }

    @Test
    void aConfigMapCountsEveryKeyAndValueInBytes() {
        assertThat(ConfigMapLimit.bytes(Map.of("a.yaml", "é", ConfigKeys.SERVICES, ""))).isEqualTo(6 + 2 + 19);
    }
}
