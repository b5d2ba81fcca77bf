package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.Platform;
import dev.tracestack.config.Secret;
import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway does to span attributes that must not be stored as sent, in pipeline order: deletes
 * ({@code attributes/pii}: {@code deleteAttributes}, credential headers and SQL text in every environment),
 * drops the detail basic tracing leaves out ({@code attributes/detail}), hashes {@code hashAttributes} with a
 * per-stack key ({@code redaction/hash}) and masks values that look like tokens, card numbers or e-mail
 * addresses ({@code redaction/values}). The key is never in the config: the collector reads it from
 * {@link #HASH_KEY_ENV}, which a pod gets from the Secret {@link #HASH_KEY_SECRET}.
 */
public final class SensitiveData {

    /** The environment variable the gateway's {@code hmac_key} is read from. */
    public static final String HASH_KEY_ENV = "TRACESTACK_ATTRIBUTE_HASH_KEY";
    /** The Kubernetes Secret holding the key (created from {@code tracestack:attributeHashKey}, or out of band). */
    public static final String HASH_KEY_SECRET = "otel-collector-hash-key";
    /** The Secret's data key. */
    public static final String HASH_KEY_SECRET_KEY = "key";

    static final String PII = "attributes/pii";
    static final String DETAIL = "attributes/detail";
    static final String KEYED_HASH = "redaction/hash";
    static final String MASK = "redaction/values";

    /** HTTP header and gRPC metadata names that carry credentials; attribute keys are lower case by convention. */
    private static final String CREDENTIALS =
            "(authorization|proxy-authorization|cookie|set-cookie|x-auth-token|[a-z0-9_-]*api[_-]?key)";

    /** Attribute key patterns deleted in every environment, whatever {@code detailedTracing} says. */
    public static final List<String> ALWAYS_DELETED = List.of(
            "(?i)^http\\.(request|response)\\.header\\." + CREDENTIALS + "$",
            "(?i)^rpc\\.grpc\\.(request|response)\\.metadata\\." + CREDENTIALS + "$",
            "^db\\.statement$",
            "^db\\.query\\.text$");

    /**
     * Values masked with {@code ****} wherever they appear in an attribute value, in this order: an
     * authorization scheme with its credentials, a JWT, a payment card number (the brands' prefixes, 13 to 19
     * digits, spaces or dashes allowed; RE2 has no Luhn check, so a long number with such a prefix is masked
     * too), an e-mail address. Go's RE2 syntax, which these Java-compatible patterns also are.
     */
    public static final List<String> MASKED_VALUES = List.of(
            "(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/-]+=*",
            "\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
            "\\b(4|5[1-5]|2[2-7]|3[47]|6(011|5))([ -]?[0-9]){11,17}\\b",
            "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b");

    private SensitiveData() {
    }

    /**
     * Whether {@code hashAttributes} are hashed with the key. On Kubernetes always (the gateway does not start
     * without the key); on Docker when the stack sets it. Otherwise they are deleted: an unkeyed hash of a user
     * id is reversed with a dictionary.
     */
    public static boolean keyed(StackConfig config) {
        return keyed(config.collector(), config.platform());
    }

    /** {@link #keyed(StackConfig)} for a collector section on a platform. */
    public static boolean keyed(CollectorSettings s, Platform platform) {
        return !s.hashAttributes().isEmpty()
                && (platform == Platform.KUBERNETES || s.hashKey().flatMap(Secret::value).isPresent());
    }

    /** The gateway's processors for sensitive data, by id in pipeline order. */
    static Map<String, Object> processors(StackConfig config) {
        CollectorSettings s = config.collector();
        boolean keyed = keyed(config);
        Map<String, Object> processors = new LinkedHashMap<>();
        List<Object> deletes = new ArrayList<>();
        s.deleteAttributes().forEach(key -> deletes.add(Body.of("key", key, "action", "delete")));
        if (!keyed) {
            s.hashAttributes().forEach(key -> deletes.add(Body.of("key", key, "action", "delete")));
        }
        ALWAYS_DELETED.forEach(pattern -> deletes.add(Body.of("pattern", pattern, "action", "delete")));
        processors.put(PII, Body.of("actions", deletes));
        if (!config.detailedTracing() && !s.detailAttributes().isEmpty()) {
            List<Object> detail = new ArrayList<>();
            s.detailAttributes().forEach(pattern -> detail.add(Body.of("pattern", pattern, "action", "delete")));
            processors.put(DETAIL, Body.of("actions", detail));
        }
        if (keyed) {
            processors.put(KEYED_HASH, keyedHash(s));
        }
        processors.put(MASK, Body.of("allow_all_keys", true, "ignored_keys", keyed ? s.hashAttributes() : List.of(),
                "blocked_values", MASKED_VALUES, "redact_all_types", true, "summary", "silent"));
        return processors;
    }

    /**
     * The redaction processor's HMAC-SHA256 of the whole value of each key (a blocked key's value is replaced
     * by the hash of all of it). {@code allow_all_keys}: its allow list fails closed and would delete every other
     * attribute. {@code redact_all_types}: a numeric user id is hashed from its text, not as an empty string.
     * {@code summary: silent} adds no attributes.
     */
    private static Map<String, Object> keyedHash(CollectorSettings s) {
        List<String> keys = s.hashAttributes().stream().map(key -> "^" + literal(key) + "$").toList();
        return Body.of("allow_all_keys", true, "blocked_key_patterns", keys, "hash_function", "hmac-sha256",
                "hmac_key", "${env:" + HASH_KEY_ENV + "}", "redact_all_types", true, "summary", "silent");
    }

    /** An attribute key as an RE2 literal (RE2 has no {@code \Q...\E}). */
    static String literal(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
