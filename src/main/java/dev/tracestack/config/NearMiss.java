package dev.tracestack.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a mistyped one was probably meant to be. */
final class NearMiss {

    private NearMiss() {
    }

    /** The closest candidate within an edit distance that still reads as a typo, if any. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String lowered = typed.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, typed.length() / 4);
        return candidates.stream()
                .filter(c -> distance(lowered, c.toLowerCase(Locale.ROOT)) <= tolerance)
                .min(Comparator.comparingInt((String c) -> distance(lowered, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
