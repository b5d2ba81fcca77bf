package dev.tracestack.config;

import java.util.List;

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
    /** A service's latency and error rate are those of the requests it serves, not of its own calls. */
    public static final List<String> OBJECTIVE_SPAN_KINDS = List.of("server", "consumer");

    /** Jaeger v2 2.13.0: the last v2 release the Go module proxy serves (as v1.76.0), built and run by the tests. */
    public static final String JAEGER_VERSION = "2.13.0";
    public static final JaegerSettings.Role JAEGER_COLLECTOR = new JaegerSettings.Role(2, 4,
            new ContainerResources(500, 1024));
    public static final JaegerSettings.Role JAEGER_QUERY = new JaegerSettings.Role(1, 1,
            new ContainerResources(250, 512));
    public static final String JAEGER_UI_BASE_PATH = "/";
    /** Seed 000: the UI sits behind an oauth2-proxy. */
    public static final boolean OAUTH_PROXY_ENABLED = true;
    public static final String OAUTH_PROXY_VERSION = "v7.12.0";
    public static final String OAUTH_PROVIDER = "oidc";
    /** Daily, after midnight UTC, when the previous day's spans are complete. */
    public static final String DEPENDENCIES_SCHEDULE = "15 0 * * *";
    public static final String SPARK_DEPENDENCIES_VERSION = "v0.7.0";

    public static final String ELASTICSEARCH_VERSION = "8.19.3";
    public static final int ELASTICSEARCH_NODES = 1;
    public static final String ELASTICSEARCH_STORAGE_CLASS = "standard-rwo";
    public static final int ELASTICSEARCH_VOLUME_GI = 50;
    public static final int ELASTICSEARCH_HEAP_MIB = 1024;
    public static final ContainerResources ELASTICSEARCH_RESOURCES = new ContainerResources(1000, 2048);
    public static final String ECK_OPERATOR_VERSION = "3.1.0";
    /** Seed 000: roll over at 50 GB or one day. */
    public static final int ROLLOVER_MAX_PRIMARY_SHARD_GB = 50;
    public static final int ROLLOVER_MAX_AGE_DAYS = 1;
    public static final String SNAPSHOT_BUCKET_LOCATION = "EU";
    /** Elasticsearch cron (seconds first): daily at 01:30 UTC. */
    public static final String SNAPSHOT_SCHEDULE = "0 30 1 * * ?";
    public static final int SNAPSHOT_EXPIRE_DAYS = 30;
    public static final int SNAPSHOT_MIN_COUNT = 5;
    public static final int SNAPSHOT_MAX_COUNT = 50;

    private Defaults() {
    }
}
