package dev.tracestack.component.collector;

import static dev.tracestack.testing.PlanAssert.assertThatPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway's hash key: from a Secret into an environment variable, never in a ConfigMap or an artifact; the
 * stack creates the Secret from {@code tracestack:attributeHashKey} when it holds the key, and otherwise the
 * gateway reads a Secret of that name created out of band (and does not start without it).
 */
class CollectorHashKeyTest {

    private static final String SECRET = "kubernetes:core/v1:Secret";
    private static final String KEY = "a-stage-key-of-at-least-thirty-two-bytes";

    private static JsonNode env(Plan plan, String tier) {
        String type = plan.config().collector().persistentQueue().enabled() && tier.equals("gateway")
                ? "kubernetes:apps/v1:StatefulSet" : "kubernetes:apps/v1:Deployment";
        return plan.get(type, "otel-collector-" + tier + "-workload").input("spec.template.spec.containers").get(0).path("env");
    }

    @Test
    void withoutTheKeyTheGatewayReadsItFromASecretOfTheSameNameAndTheStackCreatesNone() {
        Plan stage = StackHarness.synth("stage").within("otel-collector");

        assertThatPlan(stage).resourceCountIs(SECRET, 0);
        assertThat(env(stage, "gateway").toString()).contains("{\"name\":\"TRACESTACK_ATTRIBUTE_HASH_KEY\",\"valueFrom\":"
                + "{\"secretKeyRef\":{\"key\":\"key\",\"name\":\"otel-collector-hash-key\"}}}");
        assertThat(env(stage, "sampler").findValuesAsText("name")).containsExactly("GOMEMLIMIT");
    }

    @Test
    void withTheKeyTheStackCreatesTheSecretAsASecretValueBeforeTheGatewayAndNoArtifactHoldsTheKey() {
        Plan stage = PlanEngine.plan(StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("stage"),
                Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, KEY))));

        var secret = stage.get(SECRET, "otel-collector-hash-key");
        assertThat(secret.input("metadata.name").asText()).isEqualTo("otel-collector-hash-key");
        assertThat(secret.inputs().toString()).contains("[secret]").doesNotContain(KEY);
        assertThat(stage.get("kubernetes:apps/v1:Deployment", "otel-collector-gateway-workload").dependsOn())
                .contains("otel-collector-hash-key");
        stage.artifacts().forEach((path, text) -> assertThat(text).as(path).doesNotContain(KEY));
        assertThat(stage.resources().toString()).doesNotContain(KEY);
    }

    @Test
    void aKeyShorterThanTheRedactionProcessorAcceptsIsAConfigErrorThatDoesNotShowIt() {
        assertThat(ConfigErrors.problems(StackHarness.withSecrets(StackHarness.source("prod"),
                Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, "short")))).containsExactly("Pulumi.prod.yaml: "
                + "tracestack:attributeHashKey must be at least 32 bytes, the redaction processor's minimum for "
                + "hmac-sha256, e.g. `openssl rand -hex 32`, got (secret, not shown)");
    }

    @Test
    void aKeyInPlaintextIsRejected() {
        assertThat(ConfigErrors.problems("prod", Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, KEY))).containsExactly(
                "Pulumi.prod.yaml: tracestack:attributeHashKey must be set as a secret with "
                        + "`pulumi config set --secret tracestack:attributeHashKey <value>`, got (plaintext, not shown)");
    }

    @Test
    void theLocalStackPassesAKeyOnlyAsASecretEnvironment() {
        Plan local = PlanEngine.plan(StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("local"),
                Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, KEY))));

        assertThat(local.get("docker:index/container:Container", "local-collector").inputs().toString())
                .contains("[secret]").doesNotContain(KEY);
        local.artifacts().forEach((path, text) -> assertThat(text).as(path).doesNotContain(KEY));
    }
}
