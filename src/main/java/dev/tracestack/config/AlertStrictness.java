package dev.tracestack.config;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.tracestack.wire.WireName;

/** How quickly alerts fire: lenient in dev, normal in stage, strict in prod. */
public enum AlertStrictness {
    LENIENT, NORMAL, STRICT;

    /** The lower-case name used in config and rendered artifacts. */
    @JsonValue
    public String id() {
        return WireName.of(this);
    }
}
