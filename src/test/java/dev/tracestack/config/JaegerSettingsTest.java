package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per Jaeger rule, each asserting the exact message; the UI base path. */
class JaegerSettingsTest {

    private static Map<String, String> jaeger(String json) {
        String base = "{\"enabled\": true, \"oauthProxy\": {\"clientId\": \"jaeger-ui\", "
                + "\"emailDomains\": [\"example.com\"]}, ";
        return Map.of(ConfigKeys.JAEGER, base + json + "}");
    }

    @Test
    void perServiceStrategiesUnderJaegerAreRejectedNamingWhereTheyMoved() {
        assertThat(ConfigErrors.of("stage", jaeger("\"samplingStrategies\": {\"checkout\": {\"rate\": 0.5}, "
                + "\"search\": {\"maxTracesPerSecond\": 10}}")))
                .isEqualTo("Pulumi.stage.yaml: tracestack:jaeger.samplingStrategies has moved to "
                        + "tracestack:services.<service>.sampling (rate, maxTracesPerSecond, operations): Jaeger's "
                        + "strategies and the collector's rates are both read from there, got checkout, search");
    }

    @Test
    void aMissingOAuthClientIdWithTheProxyOnIsRejected() {
        assertThat(ConfigErrors.of("stage",
                Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"oauthProxy\": {\"enabled\": true, "
                + "\"emailDomains\": [\"example.com\"]}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.clientId is required when "
                        + "tracestack:jaeger.oauthProxy.enabled is true (the OAuth client the proxy signs users in with)");
    }

    @Test
    void aProxyWithoutAllowedEmailDomainsIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.JAEGER,
                "{\"enabled\": true, \"oauthProxy\": {\"clientId\": \"jaeger-ui\"}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.emailDomains must list at least one e-mail "
                        + "domain allowed to sign in, e.g. [example.com], got []");
    }

    @Test
    void anIngressHostThatIsNotADnsNameIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"ingressHost\": \"https://jaeger.example.com\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.ingressHost must be a DNS name such as "
                        + "jaeger.example.com, got https://jaeger.example.com");
    }

    @Test
    void aDependenciesScheduleThatIsNotFiveCronFieldsIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"dependencies\": {\"schedule\": \"@daily at 1\"}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.dependencies.schedule must be a cron schedule of five "
                        + "fields, e.g. \"15 0 * * *\", got @daily at 1");
    }

    @Test
    void aDependenciesVersionCarryingAnImageVariantIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"dependencies\": {\"version\": \"v0.7.0-elasticsearch8\"}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.dependencies.version must be a spark-dependencies "
                        + "release tag such as v0.7.0 (the stack adds the image's -elasticsearch8 variant suffix), "
                        + "got v0.7.0-elasticsearch8");
    }

    @Test
    void theLatestTagIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"version\": \"latest\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.version must be a pinned version such as 2.13.0, "
                        + "not a moving tag, got latest");
    }

    @Test
    void aBasePathWithoutLeadingSlashIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"uiBasePath\": \"jaeger/\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.uiBasePath must be a URL path starting with '/' "
                        + "and not ending with '/', e.g. /jaeger, got jaeger/");
    }

    @Test
    void aCollectorMaximumBelowItsReplicasIsRejected() {
        assertThat(ConfigErrors.of("stage", jaeger("\"collector\": {\"replicas\": 3, \"maxReplicas\": 2}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.collector.maxReplicas "
                        + "must be at least tracestack:jaeger.collector.replicas (3), got 2");
    }

    @Test
    void aPathUnderASharedHostsBasePathStartsWithIt() {
        // GIVEN a stage whose UI shares its host and is served under /jaeger
        JaegerSettings jaeger = dev.tracestack.config.StackConfigParser.parse(StackHarness.withOverrides("stage",
                Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"uiBasePath\": \"/jaeger\", \"oauthProxy\": "
                        + "{\"clientId\": \"jaeger-ui\", \"emailDomains\": [\"example.com\"]}}"))).jaeger();

        // WHEN the API path is put under it, THEN the base path prefixes it once
        assertThat(jaeger.underUiBasePath("/api/services")).isEqualTo("/jaeger/api/services");
    }

    @Test
    void aRootBasePathAddsNothing() {
        // GIVEN the local stack, whose UI is served at the root
        JaegerSettings jaeger = StackHarness.config("local").jaeger();

        // WHEN paths are put under it, THEN no doubled slash appears and the root itself is empty
        assertThat(jaeger.underUiBasePath("/api/services")).isEqualTo("/api/services");
        assertThat(jaeger.underUiBasePath("")).isEmpty();
    }

    @Test
    void theUiIsAtTheRootOfItsDedicatedHostInStageAndProd() {
        assertThat(StackHarness.config("stage").jaeger().uiBasePath()).isEqualTo("/");
        assertThat(StackHarness.config("prod").jaeger().uiBasePath()).isEqualTo("/");
    }

    @Test
    void everyAccountOfTheProviderIsAdmittedOnlyInDev() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"oauthProxy\": "
                + "{\"clientId\": \"jaeger-ui\", \"emailDomains\": [\"*\"]}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.emailDomains must not contain \"*\" outside "
                        + "dev (it admits every account of the provider); list your domains, or use allowedGroups, got [*]");
    }

    @Test
    void anAllowedGroupMustBeAnEmailAddress() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"oauthProxy\": "
                + "{\"clientId\": \"jaeger-ui\", \"emailDomains\": [\"example.com\"], \"allowedGroups\": [\"sre\"]}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.allowedGroups must list groups by e-mail "
                        + "address, e.g. tracing-ui@example.com, got sre");
    }

    @Test
    void theTlsSecretMustNameAKubernetesSecret() {
        assertThat(ConfigErrors.of("stage", jaeger("\"tlsSecret\": \"Not_A_Name\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.tlsSecret must be the name of a Kubernetes Secret, "
                        + "e.g. jaeger-ui-tls, got Not_A_Name");
    }
}
