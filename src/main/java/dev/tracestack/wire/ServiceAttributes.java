package dev.tracestack.wire;

/**
 * The span attributes the collector's gateway gives the spans of services with objectives or a team of their
 * own, which its span metrics carry as labels and the alert policies filter and group on. Both ends must spell
 * them alike: the collector writes them, Cloud Monitoring's filters read them.
 */
public final class ServiceAttributes {

    /** Every attribute the stack sets starts so; the gateway deletes any a sender wrote. */
    public static final String RESERVED_PREFIX = "tracestack.";
    /** The service's own P95 latency objective in milliseconds, e.g. {@code 500}. */
    public static final String LATENCY_OBJECTIVE = "tracestack.slo.latency_p95_ms";
    /** The service's own error rate objective in percent, e.g. {@code 1}. */
    public static final String ERROR_RATE_OBJECTIVE = "tracestack.slo.error_rate_percent";
    /** The team of {@code alerts.teams} the service's alerts go to. */
    public static final String TEAM = "tracestack.team";
    /** An objective label's value on services without their own objective: the stack's threshold applies. */
    public static final String STACK_OBJECTIVE = "default";
    /** The team label's value on services without a team: the stack's channels get their alerts. */
    public static final String NO_TEAM = "none";

    private ServiceAttributes() {
    }

    /**
     * The label an attribute becomes in Cloud Monitoring: the googlecloud exporter replaces every character
     * that is not a letter or digit with '_' ({@code sanitizeKey}).
     */
    public static String label(String attribute) {
        return attribute.replaceAll("[^A-Za-z0-9]", "_");
    }
}
