package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the gateway must have done to each attribute of a delivered PII trace, read from its deployed config:
 * the {@code attributes} and {@code redaction} processors of its traces pipeline applied in order, as
 * collector-contrib 0.158 applies them (a delete by key or key pattern, a literal value set; a blocked key's whole value replaced by
 * its HMAC-SHA256 hex with the key the rehearsal gives the gateway; every match of a blocked value replaced by
 * {@code ****}, pattern after pattern; ignored keys untouched). Everything else arrives as sent.
 */
final class RedactionCheck {

    private static final String MASK = "****";

    private final List<UnaryOperator<Map<String, String>>> steps;

    private RedactionCheck(List<UnaryOperator<Map<String, String>>> steps) {
        this.steps = steps;
    }

    /** The processors of the gateway's deployed config, with the hash key its pods get from their Secret. */
    static RedactionCheck of(String gatewayConfig, String hashKey) {
        JsonNode root;
        try {
            root = Artifacts.YAML.readTree(gatewayConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's config is not YAML", e);
        }
        List<UnaryOperator<Map<String, String>>> steps = new ArrayList<>();
        for (JsonNode id : root.at("/service/pipelines/traces/processors")) {
            JsonNode body = root.path("processors").path(id.asText());
            switch (id.asText().split("/")[0]) {
                case "attributes" -> body.path("actions").forEach(action -> steps.add(attributeAction(action,
                        body.has("include") || body.has("exclude"))));
                case "redaction" -> steps.add(redaction(body, hashKey));
                default -> { }
            }
        }
        return new RedactionCheck(steps);
    }

    /** The attributes a span should carry after the gateway; a key absent from the result must be gone. */
    Map<String, String> expected(Map<String, String> sent) {
        Map<String, String> attributes = new LinkedHashMap<>(sent);
        for (UnaryOperator<Map<String, String>> step : steps) {
            attributes = step.apply(attributes);
        }
        return attributes;
    }

    /** Every way the delivered traces differ from what the config demands, one line each. */
    List<String> violations(List<SentTrace> sent, Capture delivered) {
        List<String> violations = new ArrayList<>();
        for (SentTrace trace : whole(sent, delivered)) {
            Map<String, String> seen = new HashMap<>();
            delivered.spans().get(trace.traceId()).forEach(span -> seen.putAll(span.attributes()));
            Map<String, String> want = expected(trace.attributes());
            trace.attributes().keySet().forEach(key -> {
                String expected = want.get(key);
                String got = seen.get(key);
                if (expected == null ? got != null : !expected.equals(got)) {
                    violations.add(trace.traceId() + " " + key + ": expected "
                            + (expected == null ? "deleted" : "'" + expected + "'") + ", got " + (got == null ? "nothing" : "'" + got + "'"));
                }
            });
        }
        return violations;
    }

    /** Values that no environment may store found in what was delivered, whatever the config says: one line each. */
    static List<String> storedAnyway(List<SentTrace> sent, Capture delivered) {
        List<String> found = new ArrayList<>();
        for (SentTrace trace : whole(sent, delivered)) {
            Set<String> values = delivered.spans().get(trace.traceId()).stream()
                    .flatMap(span -> java.util.stream.Stream.concat(span.attributes().values().stream(),
                            span.resource().values().stream()))
                    .collect(Collectors.toSet());
            trace.neverStored().stream().filter(secret -> values.stream().anyMatch(v -> v.contains(secret)))
                    .forEach(secret -> found.add(trace.traceId() + ": " + secret));
        }
        return found;
    }

    /**
     * How many whole PII traces the capture holds, to show the check had something to look at (a trace
     * with spans missing cannot show what happened to the attributes of the missing ones).
     */
    static long checked(List<SentTrace> sent, Capture delivered) {
        return whole(sent, delivered).size();
    }

    private static List<SentTrace> whole(List<SentTrace> sent, Capture delivered) {
        return sent.stream().filter(t -> !t.attributes().isEmpty() && delivered.spanCount(t.traceId()) == t.spans()).toList();
    }

    /**
     * A delete by key or key pattern, or a literal value set on a key. A processor that filters by service
     * applies to some spans of a trace and not others: it may only set keys the PII traffic does not carry
     * (as the objective and team labels do), and then changes nothing this check compares.
     */
    private static UnaryOperator<Map<String, String>> attributeAction(JsonNode action, boolean filtered) {
        String verb = action.path("action").asText();
        String key = action.path("key").asText();
        if (verb.equals("delete") && !filtered) {
            Pattern pattern = action.has("pattern") ? Pattern.compile(action.path("pattern").asText()) : null;
            return attributes -> {
                Map<String, String> out = new LinkedHashMap<>(attributes);
                out.keySet().removeIf(k -> pattern != null ? pattern.matcher(k).find() : k.equals(key));
                return out;
            };
        }
        if (!List.of("insert", "update", "upsert").contains(verb) || !action.has("value")) {
            throw new RehearsalException("the redaction check models the attributes processor's delete and a "
                    + "literal insert, update or upsert, not " + verb + (filtered ? " filtered by service" : ""));
        }
        String value = action.path("value").asText();
        return attributes -> {
            if (filtered) {
                if (attributes.containsKey(key)) {
                    throw new RehearsalException("the redaction check cannot tell which spans a processor filtered by "
                            + "service sets " + key + " on, an attribute the PII traffic carries");
                }
                return attributes;
            }
            Map<String, String> out = new LinkedHashMap<>(attributes);
            boolean present = out.containsKey(key);
            if (verb.equals("upsert") || verb.equals("insert") != present) {
                out.put(key, value);
            }
            return out;
        };
    }

    private static UnaryOperator<Map<String, String>> redaction(JsonNode body, String hashKey) {
        if (!body.path("allow_all_keys").asBoolean(false)) {
            throw new RehearsalException("the redaction check models the redaction processor with allow_all_keys only");
        }
        Set<String> ignored = strings(body.path("ignored_keys")).stream().collect(Collectors.toSet());
        List<Pattern> blockedKeys = strings(body.path("blocked_key_patterns")).stream().map(Pattern::compile).toList();
        List<Pattern> blockedValues = strings(body.path("blocked_values")).stream().map(Pattern::compile).toList();
        boolean hmac = body.path("hash_function").asText("").equals("hmac-sha256");
        UnaryOperator<String> replace = match -> hmac ? hmacSha256Hex(hashKey, match) : MASK;
        return attributes -> {
            Map<String, String> out = new LinkedHashMap<>();
            attributes.forEach((key, value) -> {
                if (ignored.contains(key)) {
                    out.put(key, value);
                } else if (blockedKeys.stream().anyMatch(p -> p.matcher(key).find())) {
                    out.put(key, replace.apply(value));
                } else {
                    String masked = value;
                    for (Pattern p : blockedValues) {
                        masked = p.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(replace.apply(m.group())));
                    }
                    out.put(key, masked);
                }
            });
            return out;
        };
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(item.asText()));
        return out;
    }

    static String hmacSha256Hex(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
