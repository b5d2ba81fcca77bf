package dev.tracestack.config;

/**
 * The values a stack gets for keys its file omits. The per-environment values live in the stack files;
 * these are the safe fallbacks: keep every trace, normal alerting, nothing optional switched on.
 */
public final class Defaults {

    public static final String GCP_REGION = "europe-west3";
    public static final String NAMESPACE = "observability";
    public static final boolean CREATE_NAMESPACE = true;

    /** Keeping every trace loses nothing; a stack lowers the rate deliberately. */
    public static final double DEFAULT_RATE = 1.0;
    public static final double ERROR_RATE = 1.0;
    public static final double SLOW_RATE = 1.0;
    /** Seed 004 §3.1: requests over two seconds count as slow. */
    public static final int SLOW_THRESHOLD_MS = 2000;

    public static final int RETENTION_DAYS = 14;
    public static final boolean JAEGER_ENABLED = false;
    public static final boolean DETAILED_TRACING = false;
    public static final boolean CROSS_REGION_BACKUP = false;
    public static final boolean EXPORT_CLOUD_TRACE = true;
    public static final boolean EXPORT_BIGQUERY = false;
    public static final AlertStrictness ALERT_STRICTNESS = AlertStrictness.NORMAL;

    private Defaults() {
    }
}
