package dev.tracestack.rehearse;

/**
 * The Wilson score interval of a binomial proportion: where the true keep rate lies, at a given
 * confidence, after {@code kept} of {@code n} traces were kept. Sound also near 0 and 1, where the
 * normal approximation is not.
 *
 * @param low  lower bound, in [0, 1]
 * @param high upper bound, in [0, 1]
 */
record BinomialInterval(double low, double high) {

    /** The two-sided 99.9% normal quantile. */
    static final double Z_999 = 3.2905267314919255;

    static BinomialInterval wilson(long kept, long n, double z) {
        if (n == 0) {
            return new BinomialInterval(0, 1);
        }
        double p = (double) kept / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new BinomialInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Whether {@code kept} of {@code n} is what a keep rate gives: none at 0, all at 1, else the rate within the
     * 99.9% interval.
     */
    static boolean consistent(double rate, long kept, long n) {
        return rate == 0 ? kept == 0 : rate == 1 ? kept == n : wilson(kept, n, Z_999).contains(rate);
    }

    boolean contains(double rate) {
        return rate >= low - 1e-12 && rate <= high + 1e-12;
    }
}
