package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gateway never lets through, per environment from the real stack files: credentials and SQL text
 * deleted everywhere, tokens, card numbers and e-mail addresses masked, user ids hashed with a key it reads
 * from its environment, and the detail basic tracing leaves out only where detailed tracing is off.
 */
class SensitiveDataTest {

    private static Map<String, Object> processors(StackConfig config) {
        return CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0)).processors();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> processors, String id) {
        return (Map<String, Object>) processors.get(id);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> actions(Map<String, Object> processors) {
        return (List<Object>) body(processors, "attributes/pii").get("actions");
    }

    private static boolean deletedByPattern(String key) {
        return SensitiveData.ALWAYS_DELETED.stream().anyMatch(p -> Pattern.compile(p).matcher(key).find());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyEnvironmentDeletesCredentialHeadersAndSqlTextWhateverDetailedTracingSays(String stack) {
        List<Object> actions = actions(processors(StackHarness.config(stack)));

        SensitiveData.ALWAYS_DELETED.forEach(pattern ->
                assertThat(actions).contains(Map.of("pattern", pattern, "action", "delete")));
        assertThat(actions).contains(Map.of("key", "patient.id", "action", "delete"), Map.of("key", "password", "action", "delete"));
    }

    @Test
    void theCredentialPatternsMatchAuthorizationCookiesAndApiKeysButNotOtherHeaders() {
        for (String key : List.of("http.request.header.authorization", "http.request.header.cookie",
                "http.response.header.set-cookie", "http.request.header.x-api-key", "http.request.header.api_key",
                "http.request.header.proxy-authorization", "rpc.grpc.request.metadata.authorization",
                "rpc.grpc.response.metadata.x-goog-api-key", "db.statement", "db.query.text")) {
            assertThat(deletedByPattern(key)).as(key).isTrue();
        }
        for (String key : List.of("http.request.header.accept", "http.response.header.content-type",
                "rpc.grpc.request.metadata.x-request-id", "db.system", "db.operation.name")) {
            assertThat(deletedByPattern(key)).as(key).isFalse();
        }
    }

    @Test
    void basicTracingInDevDropsHeadersAndMetadataWhileStageAndProdKeepThatDetail() {
        assertThat(body(processors(StackHarness.config("dev")), "attributes/detail").get("actions")).isEqualTo(List.of(
                Map.of("pattern", "^http\\.request\\.header\\..+", "action", "delete"),
                Map.of("pattern", "^http\\.response\\.header\\..+", "action", "delete"),
                Map.of("pattern", "^rpc\\.grpc\\.(request|response)\\.metadata\\..+", "action", "delete")));
        assertThat(processors(StackHarness.config("stage"))).doesNotContainKey("attributes/detail");
        assertThat(processors(StackHarness.config("prod"))).doesNotContainKey("attributes/detail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void userIdIsHashedWithTheKeyFromTheEnvironmentNeverWithABareHash(String stack) {
        Map<String, Object> processors = processors(StackHarness.config(stack));

        assertThat(body(processors, "redaction/hash")).containsEntry("allow_all_keys", true)
                .containsEntry("blocked_key_patterns", List.of("^user\\.id$"))
                .containsEntry("hash_function", "hmac-sha256")
                .containsEntry("hmac_key", "${env:TRACESTACK_ATTRIBUTE_HASH_KEY}")
                .containsEntry("redact_all_types", true)
                .containsEntry("summary", "silent");
        assertThat(Artifacts.yaml(processors)).doesNotContain("action: hash");
    }

    @Test
    void aLocalStackWithoutAKeyDeletesUserIdsAndOneWithAKeyHashesThem() {
        Map<String, Object> withoutKey = processors(StackHarness.config("local"));
        assertThat(withoutKey).doesNotContainKey("redaction/hash");
        assertThat(actions(withoutKey)).contains(Map.of("key", "user.id", "action", "delete"));

        Map<String, Object> withKey = processors(StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("local"),
                Map.of(ConfigKeys.ATTRIBUTE_HASH_KEY, "k".repeat(32)))));
        assertThat(withKey).containsKey("redaction/hash");
        assertThat(Artifacts.yaml(withKey)).doesNotContain("k".repeat(32));
    }

    @Test
    void valuesThatLookLikeTokensCardNumbersOrEmailAddressesAreMaskedInEveryAttribute() {
        Map<String, Object> mask = body(processors(StackHarness.config("prod")), "redaction/values");
        assertThat(mask).containsEntry("allow_all_keys", true).containsEntry("blocked_values", SensitiveData.MASKED_VALUES)
                .containsEntry("ignored_keys", List.of("user.id")).containsEntry("summary", "silent");

        assertThat(masked("Bearer abc.DEF-123_x")).isEqualTo("****");
        assertThat(masked("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln here")).isEqualTo("token **** here");
        assertThat(masked("https://shop.example.com/pay?card=4111111111111111&ref=7")).isEqualTo(
                "https://shop.example.com/pay?card=****&ref=7");
        assertThat(masked("paid with 5500 0000 0000 0004, thanks")).isEqualTo("paid with ****, thanks");
        assertThat(masked("amex 3782-822463-10005")).isEqualTo("amex ****");
        assertThat(masked("mail jane.doe+shop@example.co.uk now")).isEqualTo("mail **** now");
        for (String kept : List.of("order-12345", "4bf92f3577b34da6a3ce929d0e0e4736", "1764504000000",
                "2026-11-30T12:00:00Z", "GET /checkout", "10.1.2.3")) {
            assertThat(masked(kept)).as(kept).isEqualTo(kept);
        }
    }

    /** The processor's masking: each pattern in order, every match replaced by four asterisks. */
    private static String masked(String value) {
        String out = value;
        for (String pattern : SensitiveData.MASKED_VALUES) {
            out = Pattern.compile(pattern).matcher(out).replaceAll("****");
        }
        return out;
    }

    @Test
    void attributeKeysBecomeRegularExpressionLiterals() {
        assertThat(SensitiveData.literal("user.id")).isEqualTo("user\\.id");
        assertThat(SensitiveData.literal("a+b(c)")).isEqualTo("a\\+b\\(c\\)");
    }
}
