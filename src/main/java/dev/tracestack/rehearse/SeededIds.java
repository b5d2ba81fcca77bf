package dev.tracestack.rehearse;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.HexFormat;
import java.util.Random;

/**
 * Trace and span ids from a seeded random source, so a rehearsal with the same seed sends the same
 * traces and the sampling decisions (a hash of the trace id) come out the same.
 */
final class SeededIds implements IdGenerator {

    private final Random random;

    SeededIds(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized String generateSpanId() {
        return nonZeroHex(8);
    }

    @Override
    public synchronized String generateTraceId() {
        return nonZeroHex(16);
    }

    private String nonZeroHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            random.nextBytes(id);
        } while (allZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean allZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
