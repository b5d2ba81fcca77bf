package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {

    @Test
    void isTheWilsonScoreIntervalAtNinetyNinePointNinePercent() {
        // 50 of 100 with z = 3.2905: centre 0.5, half-width z/(1+z²/n)·sqrt(0.25/n + z²/(4n²)) = 0.1563.
        BinomialInterval interval = BinomialInterval.wilson(50, 100, BinomialInterval.Z_999);

        assertThat(interval.low()).isCloseTo(0.3437, within(1e-4));
        assertThat(interval.high()).isCloseTo(0.6563, within(1e-4));
    }

    @Test
    void staysInsideZeroAndOneAtTheEdges() {
        BinomialInterval none = BinomialInterval.wilson(0, 200, BinomialInterval.Z_999);
        BinomialInterval all = BinomialInterval.wilson(200, 200, BinomialInterval.Z_999);

        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.0513, within(1e-4));
        assertThat(all.high()).isCloseTo(1.0, within(1e-12));
        assertThat(all.contains(1.0)).isTrue();
    }

    @Test
    void rejectsARateFarFromWhatWasKept() {
        assertThat(BinomialInterval.wilson(100, 1000, BinomialInterval.Z_999).contains(0.3)).isFalse();
    }
}
