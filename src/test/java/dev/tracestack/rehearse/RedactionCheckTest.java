package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The redaction check's model of the gateway, read from the deployed configs: what a PII trace's attributes
 * must look like after it, per environment. The real collector is held to the same expectations by the
 * rehearsal.
 */
class RedactionCheckTest {

    private static final String KEY = "a-key-of-the-length-the-processor-requires";

    private static Map<String, String> after(String stack, Map<String, String> sent) {
        String gateway = RenderedStack.render(StackHarness.config(stack)).file("collector/gateway.yaml");
        return RedactionCheck.of(gateway, KEY).expected(sent);
    }

    @Test
    void hmacSha256IsTheStandardOne() {
        // The widely published example vector of HMAC-SHA256.
        assertThat(RedactionCheck.hmacSha256Hex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void everyEnvironmentDeletesCredentialsAndSqlMasksCardsMailAndTokensAndHashesTheUserWithTheKey() {
        PiiTraffic pii = PiiTraffic.of(7);
        for (String stack : StackHarness.CLOUD_STACKS) {
            Map<String, String> after = after(stack, pii.attributes());

            assertThat(after).as(stack).doesNotContainKeys("patient.id", "password", "http.request.body",
                    "http.response.body", "http.request.header.authorization", "http.request.header.cookie",
                    "http.response.header.set-cookie", "http.request.header.x-api-key", "db.statement", "db.query.text",
                    "rpc.grpc.request.metadata.authorization");
            assertThat(after).as(stack)
                    .containsEntry("user.id", RedactionCheck.hmacSha256Hex(KEY, "user-7"))
                    .containsEntry("url.full", "https://shop.example.com/pay?card=****&order=7")
                    .containsEntry("app.customer.email", "****")
                    .containsEntry("app.payment.note", "paid with **** for order 7")
                    .containsEntry("app.session.token", "****")
                    .containsEntry("app.order.id", "order-7");
            pii.neverStored().forEach(secret -> assertThat(after.values()).as(stack).noneMatch(v -> v.contains(secret)));
        }
    }

    @Test
    void detailedTracingStillDecidesTheOtherHeaders() {
        Map<String, String> sent = PiiTraffic.of(7).attributes();

        assertThat(after("dev", sent)).doesNotContainKey("http.request.header.accept");
        assertThat(after("stage", sent)).containsEntry("http.request.header.accept", "application/json");
        assertThat(after("prod", sent)).containsEntry("http.request.header.accept", "application/json");
    }

    @Test
    void prodsObjectiveLabelsTouchNoAttributeThePiiTrafficCarries() {
        Map<String, String> sent = PiiTraffic.of(7).attributes();

        assertThat(after("prod", sent)).doesNotContainKeys("tracestack.slo.latency_p95_ms", "tracestack.slo.error_rate_percent")
                .containsEntry("app.order.id", "order-7");
    }

    @Test
    void aLiteralValueIsSetAsTheActionSaysAndAServiceFilteredOneOnACheckedKeyIsRefused() {
        String literal = """
                processors:
                  attributes/set:
                    actions:
                    - {key: app.order.id, value: fixed, action: update}
                    - {key: app.extra, value: added, action: insert}
                    - {key: app.customer.email, value: kept, action: insert}
                service: {pipelines: {traces: {processors: [attributes/set]}}}
                """;
        assertThat(RedactionCheck.of(literal, KEY).expected(Map.of("app.order.id", "order-7", "app.customer.email", "a@b.c")))
                .containsEntry("app.order.id", "fixed").containsEntry("app.extra", "added")
                .containsEntry("app.customer.email", "a@b.c");

        String filtered = """
                processors:
                  attributes/team:
                    include: {match_type: strict, services: [checkout]}
                    actions:
                    - {key: user.id, value: anonymous, action: upsert}
                service: {pipelines: {traces: {processors: [attributes/team]}}}
                """;
        assertThatThrownBy(() -> RedactionCheck.of(filtered, KEY).expected(Map.of("user.id", "user-7")))
                .isInstanceOf(RehearsalException.class).hasMessageContaining("filtered by service sets user.id");
    }
}
