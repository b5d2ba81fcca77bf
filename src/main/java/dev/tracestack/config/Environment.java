package dev.tracestack.config;

/** The deployment environment a stack provisions; names resources and labels telemetry. */
public enum Environment {
    DEV, STAGE, PROD;

    /** The lower-case name used in config, resource names and the {@code deployment.environment} attribute. */
    public String id() {
        return ConfigSection.wireName(this);
    }
}
