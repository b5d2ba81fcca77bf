package dev.tracestack.rehearse;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the rehearsal's PII traces carry: personal data, credentials, payloads, headers and SQL text. */
final class PiiAttributes {

    private PiiAttributes() {
    }

    /** The attributes of PII trace {@code index}, as careless instrumentation records them. */
    static Map<String, String> of(int index) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("user.id", "user-" + index);
        attributes.put("patient.id", "P-" + (100000 + index));
        attributes.put("password", "hunter2-" + index);
        attributes.put("http.request.body", "{\"card\":\"4111 1111 1111 1111\",\"email\":\"jane" + index + "@example.com\"}");
        attributes.put("http.response.body", "{\"token\":\"eyJhbGciOiJIUzI1NiJ9." + index + "\"}");
        attributes.put("http.request.header.authorization", "Bearer secret-token-" + index);
        attributes.put("http.response.header.set-cookie", "session=" + index + "; HttpOnly");
        attributes.put("db.statement", "SELECT * FROM patients WHERE id = " + index);
        attributes.put("db.query.text", "UPDATE accounts SET balance = 0 WHERE id = " + index);
        attributes.put("rpc.grpc.request.metadata.authorization", "Bearer grpc-token-" + index);
        return attributes;
    }
}
