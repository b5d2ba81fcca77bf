package dev.tracestack.rehearse;

import dev.tracestack.config.SamplingSettings;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Which traces the tail sampler keeps, predicted trace by trace. The {@code probabilistic} policy of
 * tail_sampling 0.158 (internal/sampling/probabilistic.go) keeps a trace when the FNV-1a 64-bit hash of
 * its salt ({@code default-hash-seed}) followed by the 16 trace-id bytes is at most
 * {@code floor(2^64-1 × rate)}; every rendered policy shares that salt. A trace is kept when any of its
 * services' draws keeps it: each service draws at its own rate for the trace's class, or at the stack's
 * where it has none (the semantics the rendered policies implement with {@code and} sub-policies, OR-ed).
 * The rehearsal compares its prediction with what was delivered, so a sampler that keeps the right share of
 * the wrong traces is caught as well as one that keeps the wrong share.
 */
final class SamplingModel {

    static final String DEFAULT_SALT = "default-hash-seed";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final BigDecimal MAX_UINT64 = new BigDecimal(new BigInteger("18446744073709551615"));

    private final StackConfig config;
    private final boolean samples;

    /** A model of the stack's sampling; {@code samples} is false where the stack keeps every trace. */
    SamplingModel(StackConfig config, boolean samples) {
        this.config = config;
        this.samples = samples;
    }

    /** Whether the stack keeps a trace of this class and these services with this id. Noise is dropped first. */
    boolean keeps(TraceClass traceClass, String traceId, Set<String> services) {
        if (traceClass == TraceClass.NOISE) {
            return false;
        }
        if (!samples) {
            return true;
        }
        long hash = hash(traceId);
        SamplingSettings stack = config.sampling();
        boolean kept = false;
        for (String name : services) {
            Optional<ServiceSettings> own = config.services().named(name);
            kept |= draws(hash, own.flatMap(ServiceSettings::rate).orElse(stack.defaultRate()));
            if (traceClass == TraceClass.ERROR) {
                kept |= draws(hash, own.flatMap(s -> s.sampling().errorRate()).orElse(stack.errorRate()));
            }
            if (traceClass == TraceClass.SLOW) {
                kept |= draws(hash, own.flatMap(s -> s.sampling().slowRate()).orElse(stack.slowRate()));
            }
        }
        return kept;
    }

    static long hash(String traceId) {
        long hash = FNV_OFFSET;
        for (byte b : DEFAULT_SALT.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        for (byte b : HexFormat.of().parseHex(traceId)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return hash;
    }

    /**
     * The rendered config carries the rate as a percentage (10.0); the sampler divides it by 100 in
     * float64 arithmetic, as done here, and multiplies by 2^64-1 at 64 bits of precision (this uses the
     * exact product, which can differ only in the last bit of the threshold).
     */
    static boolean draws(long hash, double rate) {
        double ratio = BigDecimal.valueOf(rate).movePointRight(2).doubleValue() / 100;
        long threshold = MAX_UINT64.multiply(new BigDecimal(ratio)).toBigInteger().longValue();
        return Long.compareUnsigned(hash, threshold) <= 0;
    }
}
