package dev.tracestack.rehearse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of a PII trace, as careless instrumentation records them: personal data, credentials in
 * headers and metadata, payloads, SQL text, and card numbers, e-mail addresses and tokens inside otherwise
 * ordinary attributes; and the values among them that no environment may store, whatever its config.
 *
 * @param attributes  every attribute, by key; {@code user.id} goes on the root span, the rest on the next one
 * @param neverStored values that must not appear in any delivered attribute (credentials, card numbers, e-mail
 *                    addresses, tokens, SQL text and the raw user id)
 */
record PiiTraffic(Map<String, String> attributes, List<String> neverStored) {

    static PiiTraffic of(int index) {
        String email = "jane" + index + "@example.com";
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLSIsImlkIjo" + index + "fQ.c2lnbmF0dXJl" + index;
        String bearer = "Bearer secret-token-" + index;
        String grpcBearer = "Bearer grpc-token-" + index;
        String apiKey = "key-" + index + "-f00d";
        String select = "SELECT * FROM patients WHERE id = " + index;
        String update = "UPDATE accounts SET balance = 0 WHERE id = " + index;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("user.id", "user-" + index);
        attributes.put("patient.id", "P-" + (100000 + index));
        attributes.put("password", "hunter2-" + index);
        attributes.put("http.request.body", "{\"card\":\"4111 1111 1111 1111\",\"email\":\"" + email + "\"}");
        attributes.put("http.response.body", "{\"token\":\"" + jwt + "\"}");
        attributes.put("http.request.header.authorization", bearer);
        attributes.put("http.request.header.cookie", "session=" + index);
        attributes.put("http.response.header.set-cookie", "session=" + index + "; HttpOnly");
        attributes.put("http.request.header.x-api-key", apiKey);
        attributes.put("http.request.header.accept", "application/json");
        attributes.put("db.statement", select);
        attributes.put("db.query.text", update);
        attributes.put("rpc.grpc.request.metadata.authorization", grpcBearer);
        attributes.put("url.full", "https://shop.example.com/pay?card=4111111111111111&order=" + index);
        attributes.put("app.customer.email", email);
        attributes.put("app.payment.note", "paid with 5500 0000 0000 0004 for order " + index);
        attributes.put("app.session.token", jwt);
        attributes.put("app.order.id", "order-" + index);
        return new PiiTraffic(attributes, List.of("user-" + index, email, jwt, bearer, grpcBearer, apiKey,
                "session=" + index, "4111 1111 1111 1111", "4111111111111111", "5500 0000 0000 0004", select, update));
    }
}
