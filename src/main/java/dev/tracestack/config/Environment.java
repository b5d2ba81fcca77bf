package dev.tracestack.config;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.tracestack.wire.WireName;

/** The deployment environment a stack provisions; names resources and labels telemetry. */
public enum Environment {
    DEV, STAGE, PROD;

    /** Whether stateful resources are protected and retained on delete: everywhere but dev, which is disposable. */
    public boolean keepsState() {
        return this != DEV;
    }

    /** The lower-case name used in config, resource names and the {@code deployment.environment} attribute. */
    @JsonValue
    public String id() {
        return WireName.of(this);
    }
}
