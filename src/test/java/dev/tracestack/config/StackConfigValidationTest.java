package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per validation message: each names the file, the key, the value received and the rule. */
class StackConfigValidationTest {

    private static List<String> problems(String stack, Map<String, String> overrides) {
        ConfigSource source = StackHarness.withOverrides(stack, overrides);
        try {
            StackConfigParser.parse(source);
        } catch (InvalidConfigException invalid) {
            return invalid.problems().stream().map(ConfigProblem::message).toList();
        }
        throw new AssertionError("expected the config to be rejected");
    }

    private static Map<String, String> override(String key, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    @Test
    void aRateAboveOneIsRejectedWithFileKeyValueAndRule() {
        assertThat(problems("dev", override("tracestack:sampling",
                "{\"defaultRate\":1.5,\"errorRate\":0.5,\"slowRate\":0.3,\"slowThresholdMs\":2000}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRate must be within [0, 1], got 1.5");
    }

    @Test
    void negativeErrorAndSlowRatesAreBothReported() {
        assertThat(problems("stage", override("tracestack:sampling",
                "{\"defaultRate\":0.3,\"errorRate\":-0.1,\"slowRate\":2}")))
                .containsExactly(
                        "Pulumi.stage.yaml: tracestack:sampling.errorRate must be within [0, 1], got -0.1",
                        "Pulumi.stage.yaml: tracestack:sampling.slowRate must be within [0, 1], got 2");
    }

    @Test
    void aSlowThresholdOfZeroIsRejected() {
        assertThat(problems("dev", override("tracestack:sampling", "{\"slowThresholdMs\":0}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.slowThresholdMs must be greater than 0, got 0");
    }

    @Test
    void retentionOutsideOneToThreeThousandSixHundredFiftyDaysIsRejected() {
        assertThat(problems("prod", override("tracestack:retentionDays", "0")))
                .containsExactly("Pulumi.prod.yaml: tracestack:retentionDays must be within [1, 3650] days, got 0");
        assertThat(problems("prod", override("tracestack:retentionDays", "3651")))
                .containsExactly("Pulumi.prod.yaml: tracestack:retentionDays must be within [1, 3650] days, got 3651");
    }

    @Test
    void aWrongTypeNamesTheTypeExpected() {
        assertThat(problems("dev", override("tracestack:retentionDays", "three")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDays must be a whole number, got three");
        assertThat(problems("dev", override("tracestack:retentionDays", "3.5")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDays must be a whole number, got 3.5");
        assertThat(problems("dev", override("tracestack:detailedTracing", "yes")))
                .containsExactly("Pulumi.dev.yaml: tracestack:detailedTracing must be a boolean (true or false), got yes");
        assertThat(problems("dev", override("tracestack:sampling", "{\"defaultRate\":\"lots\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRate must be a number, got lots");
    }

    @Test
    void aSectionThatIsNotAMappingIsRejected() {
        assertThat(problems("dev", override("tracestack:sampling", "0.1")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling must be an object (a YAML mapping), got 0.1");
    }

    @Test
    void anUnknownKeySuggestsTheNearMiss() {
        assertThat(problems("dev", override("tracestack:retentionDay", "3")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDay is not a known key "
                        + "(did you mean tracestack:retentionDays?), got 3");
        assertThat(problems("dev", override("tracestack:sampling", "{\"defaultRat\":0.1}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRat is not a known key "
                        + "(did you mean tracestack:sampling.defaultRate?), got 0.1");
    }

    @Test
    void anUnknownKeyWithoutNearMissListsTheKnownKeys() {
        assertThat(problems("dev", override("tracestack:exporters", "{\"colour\":\"blue\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:exporters.colour is not a known key "
                        + "(known keys here: cloudTrace, jaeger, bigQuery), got blue");
    }

    @Test
    void aMisspelledProviderKeyIsCaughtToo() {
        Map<String, String> overrides = override("gcp:projet", "dta-cloud-de-dev");
        overrides.put("gcp:project", null);
        assertThat(problems("dev", overrides)).containsExactlyInAnyOrder(
                "Pulumi.dev.yaml: gcp:projet is not a known key (did you mean gcp:project?), got dta-cloud-de-dev",
                "Pulumi.dev.yaml: gcp:project is required (set it with `pulumi config set gcp:project <project-id>`), "
                        + "it is not set");
    }

    @Test
    void anInvalidProjectIdIsRejected() {
        assertThat(problems("dev", override("gcp:project", "My_Project")))
                .containsExactly("Pulumi.dev.yaml: gcp:project must be a Google Cloud project id: 6-30 lower-case "
                        + "letters, digits or hyphens, starting with a letter and not ending with a hyphen, got My_Project");
    }

    @Test
    void anInvalidRegionIsRejected() {
        assertThat(problems("dev", override("gcp:region", "Frankfurt")))
                .containsExactly("Pulumi.dev.yaml: gcp:region must be a Google Cloud region such as europe-west3, got Frankfurt");
    }

    @Test
    void anInvalidNamespaceIsRejected() {
        assertThat(problems("dev", override("tracestack:kubernetes", "{\"namespace\":\"Observability\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:kubernetes.namespace must be a Kubernetes namespace name "
                        + "(RFC 1123 label: lower-case letters, digits, '-', at most 63), got Observability");
    }

    @Test
    void anUnknownEnumValueListsTheChoices() {
        assertThat(problems("prod", override("tracestack:alerts", "{\"strictness\":\"paranoid\"}")))
                .containsExactly("Pulumi.prod.yaml: tracestack:alerts.strictness must be one of lenient, normal, strict, "
                        + "got paranoid");
        assertThat(problems("prod", override("tracestack:environment", "production")))
                .containsExactly("Pulumi.prod.yaml: tracestack:environment must be one of dev, stage, prod, got production");
    }

    @Test
    void aMalformedEmailIsRejected() {
        assertThat(problems("stage", override("tracestack:alerts", "{\"notificationEmail\":\"oncall-at-example\"}")))
                .containsExactly("Pulumi.stage.yaml: tracestack:alerts.notificationEmail must be an e-mail address such "
                        + "as team@example.com, got oncall-at-example");
    }

    @Test
    void aMalformedUrlIsRejected() {
        assertThat(problems("stage", override("tracestack:alerts", "{\"runbookBaseUrl\":\"wiki/tracing\"}")))
                .containsExactly("Pulumi.stage.yaml: tracestack:alerts.runbookBaseUrl must be an absolute http(s) URL, "
                        + "got wiki/tracing");
    }

    @Test
    void aSlackChannelNeedsAValidNameAndAToken() {
        assertThat(problems("stage", override("tracestack:alerts", "{\"slackChannel\":\"tracing\"}")))
                .containsExactly(
                        "Pulumi.stage.yaml: tracestack:alerts.slackChannel must be a Slack channel name starting with "
                                + "'#', e.g. #tracing-alerts, got tracing",
                        "Pulumi.stage.yaml: tracestack:slackAuthToken is required when tracestack:alerts.slackChannel is "
                                + "set (`pulumi config set --secret tracestack:slackAuthToken <token>`), it is not set");
    }

    @Test
    void aSecretInPlaintextIsRejectedWithoutEchoingIt() {
        assertThat(problems("stage", override("tracestack:slackAuthToken", "xoxb-123")))
                .containsExactly("Pulumi.stage.yaml: tracestack:slackAuthToken must be set as a secret with "
                        + "`pulumi config set --secret tracestack:slackAuthToken <value>`, got (plaintext, not shown)");
    }

    @Test
    void exportingToJaegerWhileJaegerIsOffIsAContradiction() {
        assertThat(problems("dev", override("tracestack:exporters", "{\"jaeger\":true}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:exporters.jaeger cannot be on while tracestack:jaeger.enabled "
                        + "is false (enable Jaeger or turn the exporter off), got true");
    }

    @Test
    void aStackNotNamedAfterAnEnvironmentMustSayWhichItIs() {
        ConfigSource source = StackHarness.withOverrides("dev", override("tracestack:environment", null));
        ConfigSource renamed = new ConfigSource("sandbox", "Pulumi.sandbox.yaml", source.values(), source.secretKeys());
        assertThatThrownBy(() -> StackConfigParser.parse(renamed))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Pulumi.sandbox.yaml: tracestack:environment is required when the stack name is not an "
                        + "environment name, it is not set");
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, String> overrides = override("tracestack:retentionDays", "0");
        overrides.put("tracestack:sampling", "{\"defaultRate\":7}");
        overrides.put("tracestack:jaegr", "{}");
        assertThat(problems("dev", overrides)).hasSize(3);
    }

    @Test
    void aValidSecretIsKeptOutOfToString() {
        ConfigSource source = StackHarness.withSecrets(StackHarness.withOverrides("stage",
                override("tracestack:alerts", "{\"slackChannel\":\"#tracing-stage\"}")),
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
                override("tracestack:alerts", "{\"slackChannel\":\"#tracing-stage\"}")),
                Map.of("tracestack:slackAuthToken", "xoxb-very-secret"));
        String artifact = dev.tracestack.render.RenderedStack.render(StackConfigParser.parse(source))
                .file(dev.tracestack.render.RenderedStack.CONFIG_ARTIFACT);
        assertThat(artifact).contains("\"slackAuthToken\" : \"[secret]\"").doesNotContain("xoxb-very-secret");
    }
}
