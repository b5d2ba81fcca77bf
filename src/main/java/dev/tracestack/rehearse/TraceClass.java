package dev.tracestack.rehearse;

import dev.tracestack.config.SamplingSettings;
import dev.tracestack.render.collector.SamplingPolicy;
import java.util.Locale;

/** The kinds of traces the rehearsal sends, and the share of each a stack should keep. */
enum TraceClass {
    /** A request that went well and fast. */
    ORDINARY,
    /** One span has status ERROR. */
    ERROR,
    /** The root span lasts longer than the stack's slow threshold. */
    SLOW,
    /** A single health-check span (an HTTP health route or gRPC Health/Check): dropped by the filter. */
    NOISE,
    /** An ordinary trace whose spans carry personal data, credentials, bodies, headers and SQL text. */
    PII;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The share of this class the stack's sampling policies keep; noise never reaches them. */
    double configuredKeepRate(SamplingSettings sampling) {
        return switch (this) {
            case NOISE -> 0.0;
            case ORDINARY, PII -> SamplingPolicy.keepRate(SamplingPolicy.of(sampling), new SamplingPolicy.TraceClass(false, false));
            case ERROR -> SamplingPolicy.keepRate(SamplingPolicy.of(sampling), new SamplingPolicy.TraceClass(true, false));
            case SLOW -> SamplingPolicy.keepRate(SamplingPolicy.of(sampling), new SamplingPolicy.TraceClass(false, true));
        };
    }
}
