package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per alert-config message: each names the file, the key, the value and the rule. */
class AlertSettingsTest {

    @Test
    void anInvalidEmailIsAConfigError() {
        assertThat(ConfigErrors.problems("dev",
                Map.of("tracestack:alerts", "{\"notificationEmail\":\"tracing-at-example.com\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.notificationEmail must be an e-mail address "
                        + "such as team@example.com, got tracing-at-example.com");
    }

    @Test
    void aSlackChannelWithoutHashIsAConfigError() {
        assertThat(ConfigErrors.problems(secretToken(Map.of("tracestack:alerts", "{\"slackChannel\":\"tracing-alerts\"}"))))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.slackChannel must be a Slack channel name "
                        + "starting with '#', e.g. #tracing-alerts, got tracing-alerts");
    }

    @Test
    void aSlackChannelWithoutATokenIsAConfigError() {
        assertThat(ConfigErrors.problems("dev", Map.of("tracestack:alerts", "{\"slackChannel\":\"#tracing-alerts\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:slackAuthToken is required when "
                        + "tracestack:alerts.slackChannel is set "
                        + "(`pulumi config set --secret tracestack:slackAuthToken <token>`), it is not set");
    }

    @Test
    void anUnknownStrictnessLevelIsAConfigError() {
        assertThat(ConfigErrors.problems("dev", Map.of("tracestack:alerts", "{\"strictness\":\"relaxed\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.strictness must be one of lenient, normal, "
                        + "strict, got relaxed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minSpansPerHour", "maxErrorRatePercent", "maxP95LatencyMs", "maxLostSpansPerSecond"})
    void aThresholdOfZeroIsAConfigError(String threshold) {
        assertThat(ConfigErrors.problems("dev",
                Map.of("tracestack:alerts", "{\"thresholds\":{\"" + threshold + "\":0}}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.thresholds." + threshold + " must be greater "
                        + "than 0 (a threshold of 0 never fires or always fires; remove the key to keep the "
                        + "strictness level's value), got 0");
    }

    @Test
    void anErrorRateAboveOneHundredPercentIsAConfigError() {
        assertThat(ConfigErrors.problems("dev",
                Map.of("tracestack:alerts", "{\"thresholds\":{\"maxErrorRatePercent\":150}}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.thresholds.maxErrorRatePercent must be at "
                        + "most 100 (it is a percentage), got 150");
    }

    @Test
    void aMisspelledThresholdKeyIsReportedWithTheNearestKnownKey() {
        assertThat(ConfigErrors.problems("dev",
                Map.of("tracestack:alerts", "{\"thresholds\":{\"maxP95Latency\":1500}}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.thresholds.maxP95Latency is not a known key "
                        + "(did you mean tracestack:alerts.thresholds.maxP95LatencyMs?), got 1500");
    }

    @Test
    void aRunbookBaseUrlThatIsNotHttpIsAConfigError() {
        assertThat(ConfigErrors.problems("dev",
                Map.of("tracestack:alerts", "{\"runbookBaseUrl\":\"runbooks/tracing\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.runbookBaseUrl must be an absolute http(s) URL, "
                        + "got runbooks/tracing");
    }

    @Test
    void aSlackChannelWithASecretTokenIsValid() {
        StackConfig config = StackConfigParser.parse(StackHarness.withSecrets(
                StackHarness.withOverrides("dev", Map.of("tracestack:alerts", "{\"slackChannel\":\"#tracing-alerts\"}")),
                Map.of(ConfigKeys.SLACK_AUTH_TOKEN, "xoxb-test")));

        assertThat(config.alerts().slackChannel()).contains("#tracing-alerts");
        assertThat(config.alerts().slackAuthToken()).isPresent();
    }

    private static ConfigSource secretToken(Map<String, String> overrides) {
        return StackHarness.withSecrets(StackHarness.withOverrides("dev", overrides),
                Map.of(ConfigKeys.SLACK_AUTH_TOKEN, "xoxb-test"));
    }

    @Test
    void aMalformedUrlIsRejected() {
        assertThat(ConfigErrors.problems("stage",
                ConfigErrors.override("tracestack:alerts", "{\"runbookBaseUrl\":\"wiki/tracing\"}")))
                .containsExactly("Pulumi.stage.yaml: tracestack:alerts.runbookBaseUrl must be an absolute http(s) URL, "
                        + "got wiki/tracing");
    }

    @Test
    void aSlackChannelNeedsAValidNameAndAToken() {
        assertThat(ConfigErrors.problems("stage",
                ConfigErrors.override("tracestack:alerts", "{\"slackChannel\":\"tracing\"}")))
                .containsExactly(
                        "Pulumi.stage.yaml: tracestack:alerts.slackChannel must be a Slack channel name starting with "
                                + "'#', e.g. #tracing-alerts, got tracing",
                        "Pulumi.stage.yaml: tracestack:slackAuthToken is required when tracestack:alerts.slackChannel is "
                                + "set (`pulumi config set --secret tracestack:slackAuthToken <token>`), it is not set");
    }

    @Test
    void aSpanKindThatIsNoneIsAConfigErrorAndSoIsNone() {
        assertThat(ConfigErrors.problems("dev", Map.of("tracestack:alerts", "{\"objectiveSpanKinds\":[\"server\",\"request\"]}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.objectiveSpanKinds must be a span kind of "
                        + "[server, consumer, client, producer, internal], got request");
        assertThat(ConfigErrors.problems("dev", Map.of("tracestack:alerts", "{\"objectiveSpanKinds\":[]}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:alerts.objectiveSpanKinds must name at least one span "
                        + "kind of [server, consumer, client, producer, internal], got []");
    }

    @Test
    void objectivesAreMeasuredOnServerAndConsumerSpansUnlessAStackSaysOtherwise() {
        for (String stack : new String[] {"dev", "stage", "prod"}) {
            assertThat(StackHarness.config(stack).alerts().objectiveSpanKinds()).as(stack)
                    .containsExactly(SpanKind.SERVER, SpanKind.CONSUMER);
        }
        StackConfig clients = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:alerts", "{\"objectiveSpanKinds\":[\"client\"]}")));
        assertThat(clients.alerts().objectiveSpanKinds()).containsExactly(SpanKind.CLIENT);
    }
}
