package dev.tracestack.rehearse;

import dev.tracestack.config.StackConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the collector must have done to each sensitive attribute of a delivered PII trace, from the
 * stack's config: hashed ({@code hashAttributes}, SHA-256 hex as the attributes processor 0.158 hashes),
 * deleted ({@code deleteAttributes}, and the {@code detailAttributes} patterns where detailed tracing is
 * off), or kept as sent.
 */
final class RedactionCheck {

    private final StackConfig config;
    private final List<Pattern> detail;

    RedactionCheck(StackConfig config) {
        this.config = config;
        this.detail = config.collector().detailAttributes().stream().map(Pattern::compile).toList();
    }

    /** What an attribute should look like after the collector; {@code null} when it must be gone. */
    String expected(String key, String sent) {
        if (config.collector().hashAttributes().contains(key)) {
            return sha256Hex(sent);
        }
        if (config.collector().deleteAttributes().contains(key)) {
            return null;
        }
        if (!config.detailedTracing() && detail.stream().anyMatch(p -> p.matcher(key).find())) {
            return null;
        }
        return sent;
    }

    /** Every way the delivered traces differ from what the config demands, one line each. */
    List<String> violations(List<SentTrace> sent, Capture delivered) {
        List<String> violations = new ArrayList<>();
        for (SentTrace trace : sent) {
            if (trace.attributes().isEmpty() || delivered.spanCount(trace.traceId()) != trace.spans()) {
                continue;
            }
            Map<String, String> seen = new HashMap<>();
            delivered.spans().get(trace.traceId()).forEach(span -> seen.putAll(span.attributes()));
            trace.attributes().forEach((key, value) -> {
                String want = expected(key, value);
                String got = seen.get(key);
                if (want == null ? got != null : !want.equals(got)) {
                    violations.add(trace.traceId() + " " + key + ": expected "
                            + (want == null ? "deleted" : "'" + want + "'") + ", got " + (got == null ? "nothing" : "'" + got + "'"));
                }
            });
        }
        return violations;
    }

    /**
     * How many whole PII traces the capture holds, to show the check had something to look at (a trace
     * with spans missing cannot show what happened to the attributes of the missing ones).
     */
    static long checked(List<SentTrace> sent, Capture delivered) {
        return sent.stream().filter(t -> !t.attributes().isEmpty() && delivered.spanCount(t.traceId()) == t.spans()).count();
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
