package dev.tracestack.config;

/** How quickly alerts fire: lenient in dev, normal in stage, strict in prod. */
public enum AlertStrictness {
    LENIENT, NORMAL, STRICT
}
