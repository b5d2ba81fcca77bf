package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets: only as Pulumi secrets, never echoed, serialized or written as their value. */
class SecretTest {

    @Test
    void aSecretInPlaintextIsRejectedWithoutEchoingIt() {
        assertThat(ConfigErrors.problems("stage", ConfigErrors.override("tracestack:slackAuthToken", "xoxb-123")))
                .containsExactly("Pulumi.stage.yaml: tracestack:slackAuthToken must be set as a secret with "
                        + "`pulumi config set --secret tracestack:slackAuthToken <value>`, got (plaintext, not shown)");
    }

    @Test
    void aPlaintextSlackTokenIsAConfigError() {
        assertThat(ConfigErrors.problems("dev", Map.of("tracestack:alerts", "{\"slackChannel\":\"#tracing-alerts\"}",
                "tracestack:slackAuthToken", "xoxb-plain")))
                .contains("Pulumi.dev.yaml: tracestack:slackAuthToken must be set as a secret with "
                        + "`pulumi config set --secret tracestack:slackAuthToken <value>`, got (plaintext, not shown)");
    }

    @Test
    void oauthSecretsInPlaintextAreRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.OAUTH_CLIENT_SECRET, "s3cr3t")))
                .contains("Pulumi.stage.yaml: tracestack:oauthClientSecret must be set as a secret with "
                        + "`pulumi config set --secret tracestack:oauthClientSecret <value>`, got (plaintext, not shown)");
    }

    @Test
    void aValidSecretIsKeptOutOfToString() {
        ConfigSource source = StackHarness.withSecrets(StackHarness.withOverrides("stage",
                ConfigErrors.override("tracestack:alerts", "{\"slackChannel\":\"#tracing-stage\"}")),
                Map.of("tracestack:slackAuthToken", "xoxb-very-secret"));
        StackConfig config = StackConfigParser.parse(source);
        assertThat(config.alerts().slackAuthToken()).hasValueSatisfying(secret -> {
            assertThat(secret.value()).contains("xoxb-very-secret");
            assertThat(secret.toString()).isEqualTo("[secret]");
        });
        assertThat(config.toString()).doesNotContain("xoxb-very-secret");
    }

    @Test
    void theRenderedConfigArtifactMasksSecrets() {
        ConfigSource source = StackHarness.withSecrets(StackHarness.withOverrides("stage",
                ConfigErrors.override("tracestack:alerts", "{\"slackChannel\":\"#tracing-stage\"}")),
                Map.of("tracestack:slackAuthToken", "xoxb-very-secret"));
        String artifact = dev.tracestack.render.RenderedStack.render(StackConfigParser.parse(source))
                .file(dev.tracestack.render.RenderedStack.CONFIG_ARTIFACT);
        assertThat(artifact).contains("\"slackAuthToken\" : \"[secret]\"").doesNotContain("xoxb-very-secret");
    }

    @Test
    void aSecretIsSerializedOnlyAsItsMarker() throws Exception {
        StackConfig config = StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("stage"),
                Map.of(ConfigKeys.OAUTH_CLIENT_SECRET, "client-s3cr3t")));

        assertThat(dev.tracestack.render.Artifacts.json(config)).contains("[secret]").doesNotContain("client-s3cr3t");
    }
}
