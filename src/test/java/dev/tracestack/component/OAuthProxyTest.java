package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.wire.WellKnownNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oauth2-proxy's credentials: from Pulumi secrets when set, otherwise an existing Secret; never plain. */
class OAuthProxyTest {

    private static final String SECRET = "kubernetes:core/v1:Secret";

    @Test
    void withoutTheSecretsTheStackCreatesNoSecretAndTheProxyReadsOneOfTheSameName() {
        Plan stage = StackHarness.synth("stage");

        assertThat(stage.ofType(SECRET)).extracting(r -> r.input("metadata.name").asText())
                .doesNotContain("jaeger-oauth2-proxy");
        JsonNode env = stage.get("kubernetes:apps/v1:Deployment", "jaeger-oauth2-proxy-workload")
                .input("spec.template.spec.containers").get(0).path("env");
        assertThat(env.findValuesAsText("name")).contains("jaeger-oauth2-proxy");
        assertThat(JaegerStackTest.envValue(env, "OAUTH2_PROXY_CLIENT_ID"))
                .isEqualTo("tracestack-jaeger-stage.apps.googleusercontent.com");
    }

    @Test
    void withTheSecretsSetTheStackCreatesTheSecretAsSecretValues() {
        Plan stage = PlanEngine.plan(StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("stage"),
                Map.of(ConfigKeys.OAUTH_CLIENT_SECRET, "client-value", ConfigKeys.OAUTH_COOKIE_SECRET, "cookie-value"))));

        var secret = stage.get(SECRET, "jaeger-oauth2-proxy-secret");
        assertThat(secret.inputs().toString()).contains("[secret]").doesNotContain("client-value", "cookie-value");
        // Registered as jaeger-oauth2-proxy before children were named <component>-<role>: moved, not replaced.
        assertThat(secret.aliases()).containsExactly("jaeger-oauth2-proxy");
        assertThat(stage.get("kubernetes:apps/v1:Deployment", "jaeger-oauth2-proxy-workload").dependsOn())
                .contains("jaeger-oauth2-proxy-secret");
    }

    @Test
    void withTheProxyOffTheUiIsServedByTheQueryServiceDirectly() {
        Plan open = StackHarness.synth("stage", Map.of(ConfigKeys.JAEGER,
                "{\"enabled\": true, \"oauthProxy\": {\"enabled\": false}, \"ingressHost\": \"jaeger.example.com\"}"));

        assertThat(open.resources()).noneMatch(r -> r.name().contains("oauth2-proxy"));
        assertThat(open.get("kubernetes:networking.k8s.io/v1:Ingress", "jaeger-ui").input("spec.rules").get(0)
                .path("http").path("paths").get(0).path("backend").path("service").path("name").asText())
                .isEqualTo(WellKnownNames.JAEGER_QUERY_SERVICE);
    }
}
