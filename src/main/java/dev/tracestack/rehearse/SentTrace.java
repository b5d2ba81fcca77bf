package dev.tracestack.rehearse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace as the generator sent it: one line of {@code sent.jsonl}.
 *
 * @param traceId    32 lowercase hex characters
 * @param traceClass what kind of trace it is
 * @param spans      how many spans it has
 * @param attributes the span attributes it carried that the collector must hash, delete or keep (PII
 *                   traces only), by key
 * @param neverStored values among them no backend may receive in any environment (PII traces only)
 * @param services   the service.name of every span it has
 */
record SentTrace(String traceId, TraceClass traceClass, int spans, Map<String, String> attributes,
                 List<String> neverStored, Set<String> services) {
}
