package dev.tracestack.rehearse;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.SamplingPolicies;
import dev.tracestack.render.collector.SamplingPolicy;
import java.util.Locale;
import java.util.Set;

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

    /**
     * The share of this class the stack's sampling policies keep of the traces of {@code services} (those with
     * settings of their own; none: the stack's rates); noise never reaches them.
     */
    double configuredKeepRate(StackConfig config, Set<String> services) {
        if (this == NOISE) {
            return 0.0;
        }
        return SamplingPolicy.keepRate(SamplingPolicies.of(config),
                new SamplingPolicy.TraceClass(this == ERROR, this == SLOW, services));
    }
}
