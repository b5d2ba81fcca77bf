package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.Random;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prediction of which traces tail_sampling 0.158 keeps, checked without the collector. */
class SamplingModelTest {

    private static final Set<String> FOUR = Set.copyOf(TrafficGenerator.SERVICES);

    @Test
    void hashesTheSaltThenTheTraceIdWithFnv1a64() {
        // FNV-1a 64 of "default-hash-seed" followed by sixteen zero bytes, computed step by step.
        long expected = 0xcbf29ce484222325L;
        for (byte b : ("default-hash-seed").getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            expected = (expected ^ (b & 0xff)) * 0x100000001b3L;
        }
        for (int i = 0; i < 16; i++) {
            expected = expected * 0x100000001b3L;
        }
        assertThat(SamplingModel.hash("00000000000000000000000000000000")).isEqualTo(expected);
    }

    @Test
    void nestsTheDrawsSoATraceKeptAtTenPercentIsKeptAtThirty() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            long hash = SamplingModel.hash(HexFormat.of().formatHex(id));
            if (SamplingModel.draws(hash, 0.1)) {
                assertThat(SamplingModel.draws(hash, 0.3)).isTrue();
            }
        }
    }

    @Test
    void keepsAboutTheConfiguredShareOfRandomTraceIds() {
        SamplingModel model = new SamplingModel(StackHarness.config("dev"), true);
        Random random = new Random(11);
        int ordinary = 0;
        int errors = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String traceId = HexFormat.of().formatHex(id);
            ordinary += model.keeps(TraceClass.ORDINARY, traceId, FOUR) ? 1 : 0;
            errors += model.keeps(TraceClass.ERROR, traceId, FOUR) ? 1 : 0;
        }
        assertThat(ordinary / (double) n).isBetween(0.095, 0.105);
        assertThat(errors / (double) n).isBetween(0.495, 0.505);
    }

    @Test
    void keepsEveryTraceButNoiseWhereTheStackDoesNotSample() {
        SamplingModel model = new SamplingModel(StackHarness.config("prod"), false);

        assertThat(model.keeps(TraceClass.SLOW, "0123456789abcdef0123456789abcdef", FOUR)).isTrue();
        assertThat(model.keeps(TraceClass.NOISE, "0123456789abcdef0123456789abcdef", FOUR)).isFalse();
    }

    @Test
    void aTraceOfOneServiceIsKeptAtThatServicesRateAndOneThroughOthersAtTheHighestOfTheirs() {
        // stage: batch-service keeps 1% of its ordinary traces, the services without a rate of their own 30%
        SamplingModel model = new SamplingModel(StackHarness.config("stage"), true);
        Random random = new Random(13);
        int alone = 0;
        int withCheckout = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String traceId = HexFormat.of().formatHex(id);
            alone += model.keeps(TraceClass.ORDINARY, traceId, Set.of("batch-service")) ? 1 : 0;
            withCheckout += model.keeps(TraceClass.ORDINARY, traceId, Set.of("batch-service", "checkout")) ? 1 : 0;
        }
        assertThat(alone / (double) n).isBetween(0.0085, 0.0115);
        assertThat(withCheckout / (double) n).isBetween(0.295, 0.305);
    }
}
