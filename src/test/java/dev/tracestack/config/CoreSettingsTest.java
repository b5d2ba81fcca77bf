package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level scalars: the environment, the platform (and the keys that belong to the other one), the retention. */
class CoreSettingsTest {

    @Test
    void retentionOutsideOneToThreeThousandSixHundredFiftyDaysIsRejected() {
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:retentionDays", "0")))
                .containsExactly("Pulumi.prod.yaml: tracestack:retentionDays must be within [1, 3650] days, got 0");
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:retentionDays", "3651")))
                .containsExactly("Pulumi.prod.yaml: tracestack:retentionDays must be within [1, 3650] days, got 3651");
    }

    @Test
    void aRetentionBeyondTenYearsIsRejectedBeforeBigQueryCouldRefuseIt() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:retentionDays", "4000"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:retentionDays must be within [1, 3650] days, got 4000");
    }

    @Test
    void aStackNotNamedAfterAnEnvironmentMustSayWhichItIs() {
        ConfigSource source = StackHarness.withOverrides("dev", ConfigErrors.override("tracestack:environment", null));
        ConfigSource renamed = new ConfigSource("sandbox", "Pulumi.sandbox.yaml", source.values(), source.secretKeys());
        assertThatThrownBy(() -> StackConfigParser.parse(renamed))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Pulumi.sandbox.yaml: tracestack:environment is required when the stack name is not an "
                        + "environment name, it is not set");
    }

    @Test
    void anUnknownPlatformIsRejected() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.PLATFORM, "swarm"))).contains(
                "Pulumi.local.yaml: tracestack:platform must be one of kubernetes, docker, got swarm");
    }

    @Test
    void kubernetesKeysOnADockerStackAreRejectedNotIgnored() {
        assertThat(ConfigErrors.problems("local", Map.of(ConfigKeys.KUBERNETES_CONTEXT, "kind-tracing",
                ConfigKeys.KUBERNETES, "{\"namespace\":\"tracing\"}"))).containsExactlyInAnyOrder(
                "Pulumi.local.yaml: kubernetes:context applies only to tracestack:platform kubernetes and this"
                        + " stack's platform is docker (remove the key), got kind-tracing",
                "Pulumi.local.yaml: tracestack:kubernetes applies only to tracestack:platform kubernetes and this"
                        + " stack's platform is docker (remove the key), got {\"namespace\":\"tracing\"}");
    }

    @Test
    void theLocalSectionOnAKubernetesStackIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                Map.of(ConfigKeys.LOCAL, "{\"bindAddress\":\"127.0.0.1\"}"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:local applies only to tracestack:platform docker and this stack's"
                        + " platform is kubernetes (remove the key), got {\"bindAddress\":\"127.0.0.1\"}");
    }

    @Test
    void aCostSectionOnTheDockerPlatformIsRejected() {
        assertThat(ConfigErrors.of("local", Map.of(ConfigKeys.COST, "{\"spansPerSecond\": 1}")))
                .contains("Pulumi.local.yaml: tracestack:cost applies only to tracestack:platform kubernetes and "
                        + "this stack's platform is docker (remove the key)");
    }
}
