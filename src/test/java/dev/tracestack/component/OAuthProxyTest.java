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

    @org.junit.jupiter.api.Test
    void theUiIsServedOverHttpsOnlyWithAManagedCertificateTls12AndHsts() {
        Plan prod = StackHarness.synth("prod");
        JsonNode ingress = prod.get("kubernetes:networking.k8s.io/v1:Ingress", "jaeger-ui").input("metadata.annotations");

        assertThat(ingress.path("kubernetes.io/ingress.allow-http").asText()).isEqualTo("false");
        assertThat(ingress.path("networking.gke.io/managed-certificates").asText()).isEqualTo("jaeger-ui");
        assertThat(prod.get("kubernetes:networking.gke.io/v1:ManagedCertificate", "jaeger-ui-certificate")
                .input("spec.domains").get(0).asText()).isEqualTo("jaeger.prod.tracing.example.com");
        assertThat(prod.get("gcp:compute/sSLPolicy:SSLPolicy", "jaeger-ui-tls-policy").input("minTlsVersion").asText())
                .isEqualTo("TLS_1_2");
        assertThat(prod.get("kubernetes:cloud.google.com/v1:BackendConfig", "jaeger-ui-backend-config")
                .input("spec.customResponseHeaders.headers").get(0).asText()).startsWith("Strict-Transport-Security");
    }

    @org.junit.jupiter.api.Test
    void theProxysCookieIsHostOnlyLaxShortLivedAndSignInUsesPkce() {
        JsonNode args = StackHarness.synth("prod").get("kubernetes:apps/v1:Deployment", "jaeger-oauth2-proxy-workload")
                .input("spec.template.spec.containers").get(0).path("args");

        assertThat(args.toString()).contains("--cookie-name=__Host-", "--cookie-samesite=lax", "--cookie-expire=8h",
                "--cookie-refresh=1h", "--code-challenge-method=S256", "--cookie-secure=true");
    }

    @org.junit.jupiter.api.Test
    void theProxyRollsWhenTheSecretsTheStackHoldsChange() {
        String before = hashWith("a", "b");
        String after = hashWith("a", "c");

        assertThat(before).isNotEqualTo(after).hasSize(8);
    }

    private static String hashWith(String client, String cookie) {
        var source = StackHarness.withSecrets(StackHarness.source("prod"), java.util.Map.of(
                "tracestack:oauthClientSecret", client, "tracestack:oauthCookieSecret", cookie));
        return dev.tracestack.plan.PlanEngine.plan(dev.tracestack.config.StackConfigParser.parse(source))
                .get("kubernetes:apps/v1:Deployment", "jaeger-oauth2-proxy-workload")
                .input("spec.template.metadata.annotations").path("tracestack.dev/secret-hash").asText();
    }
}
