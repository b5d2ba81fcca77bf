package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under {@code pulumi up} the config arrives in environment variables; the same parser reads it. */
class EngineConfigTest {

    @Test
    void theEngineConfigOfAStackParsesToTheSameConfigAsItsFile() throws Exception {
        ConfigSource read = StackHarness.source("stage");
        // The engine hands over values, not the file's lines, which only locate problems.
        ConfigSource fromFile = new ConfigSource(read.stack(), read.file(), read.values(), read.secretKeys(),
                read.projectDir());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fromFile.values());
        ConfigSource fromEngine = EngineConfig.fromEnvironment(Map.of(
                "PULUMI_STACK", "stage",
                "PULUMI_CONFIG", json,
                "PULUMI_CONFIG_SECRET_KEYS", "[]"));
        assertThat(StackConfigParser.parse(fromEngine)).isEqualTo(StackConfigParser.parse(fromFile));
    }

    @Test
    void secretKeysComeFromTheEngine() {
        ConfigSource source = EngineConfig.fromEnvironment(Map.of(
                "PULUMI_STACK", "prod",
                "PULUMI_CONFIG", "{\"tracestack:slackAuthToken\":\"xoxb-1\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"tracestack:slackAuthToken\"]"));
        assertThat(source.secretKeys()).containsExactly("tracestack:slackAuthToken");
        assertThat(source.file()).isEqualTo("Pulumi.prod.yaml");
    }

    @Test
    void aMalformedEngineConfigIsAConfigError() {
        assertThatThrownBy(() -> EngineConfig.fromEnvironment(Map.of("PULUMI_STACK", "dev", "PULUMI_CONFIG", "{oops")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml: the engine's PULUMI_CONFIG is not a JSON object of strings");
    }
}
