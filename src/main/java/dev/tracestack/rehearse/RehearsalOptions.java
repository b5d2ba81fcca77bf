package dev.tracestack.rehearse;

import java.nio.file.Path;

/**
 * How to rehearse a stack.
 *
 * @param out        where the rehearsal writes its configs, captures and report
 * @param traces     how many traces to send
 * @param perSecond  how fast to send them
 * @param seed       the traffic's seed: the same seed sends the same traces
 * @param fault      what goes wrong during the traffic
 * @param e2e        where the real programs are ({@code target/e2e})
 */
record RehearsalOptions(Path out, int traces, double perSecond, long seed, Fault fault, Path e2e) {

    static final int DEFAULT_TRACES = 3000;
    static final double DEFAULT_PER_SECOND = 150;
    static final long DEFAULT_SEED = 42;
}
