package dev.tracestack.config;

import java.util.Locale;

/** A span's kind, as {@code tracestack:alerts.objectiveSpanKinds} names it. */
public enum SpanKind {
    SERVER, CONSUMER, CLIENT, PRODUCER, INTERNAL;

    /** The value the spanmetrics connector's {@code span.kind} dimension carries, e.g. {@code SPAN_KIND_SERVER}. */
    public String dimensionValue() {
        return "SPAN_KIND_" + name();
    }

    /** The name the stack file uses, e.g. {@code server}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
