package dev.tracestack.wire;

import java.util.List;

/**
 * The resource attributes that name the environment on every span the gateway forwards. The semantic
 * conventions renamed {@code deployment.environment} to {@code deployment.environment.name} (1.27); both are
 * set, so the saved Jaeger searches, Cloud Trace filters and BigQuery queries of existing users keep working
 * while they move. The BigQuery view reads the current name first; {@code rehearse} requires both.
 */
public final class EnvironmentAttributes {

    /** The semantic conventions' current name. */
    public static final String NAME = "deployment.environment.name";
    /**
     * The deprecated name, set until the first release after 2027-06-30; docs/collector.md says when it goes.
     */
    public static final String DEPRECATED_NAME = "deployment.environment";
    /** Both, in the order the gateway sets them. */
    public static final List<String> ALL = List.of(NAME, DEPRECATED_NAME);

    private EnvironmentAttributes() {
    }
}
