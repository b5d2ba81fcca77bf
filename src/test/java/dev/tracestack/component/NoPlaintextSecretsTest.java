package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every secret a stack can hold reaches resources only as a Pulumi secret, and no artifact carries it. */
class NoPlaintextSecretsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "tracestack:slackAuthToken", "xoxb-sentinel-slack-token",
            "tracestack:oauthClientSecret", "sentinel-oauth-client-secret",
            "tracestack:oauthCookieSecret", "sentinel-oauth-cookie-secret-32b");

    private static Plan prodWithEverySecret() {
        ConfigSource source = StackHarness.withSecrets(StackHarness.withOverrides("prod", Map.of(
                "tracestack:alerts", "{\"strictness\":\"strict\",\"notificationEmail\":\"tracing-oncall@example.com\","
                        + "\"slackChannel\":\"#tracing-prod\"}")), SECRETS);
        return PlanEngine.plan(StackConfigParser.parse(source));
    }

    @Test
    void noResourceInputAndNoArtifactContainsASecretValue() {
        Plan plan = prodWithEverySecret();
        String resources = Artifacts.json(plan.resources());

        SECRETS.values().forEach(secret -> {
            assertThat(resources).doesNotContain(secret);
            assertThat(plan.rendered().files()).allSatisfy((path, text) -> assertThat(text).as(path).doesNotContain(secret));
        });
    }

    @Test
    void theResourcesThatNeedTheSecretsReceiveThemMarkedSecret() {
        Plan plan = prodWithEverySecret();

        assertThat(plan.ofType("gcp:monitoring/notificationChannel:NotificationChannel"))
                .anySatisfy(channel -> assertThat(channel.input("sensitiveLabels.authToken").asText()).isEqualTo("[secret]"));
        assertThat(plan.ofType("kubernetes:core/v1:Secret")).isNotEmpty()
                .allSatisfy(secret -> assertThat(secret.inputs().toString())
                        .doesNotContain("sentinel").contains("[secret]"));
    }
}
