package dev.tracestack.wire;

import java.util.Locale;

/**
 * How a choice is spelled wherever it leaves Java: in the stack files, in resource names and in labels. One
 * spelling, so that {@code tracestack:platform docker} and a tier named {@code sampler} read alike.
 */
public final class WireName {

    private WireName() {
    }

    /** The lower-case name of an enum constant, e.g. {@code sampler} for {@code Role.SAMPLER}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
