package dev.tracestack.config;

/** The full names of the config keys, as users type them and as error messages name them. */
public final class ConfigKeys {

    public static final String GCP_PROJECT = "gcp:project";
    public static final String GCP_REGION = "gcp:region";
    public static final String KUBERNETES_CONTEXT = "kubernetes:context";

    public static final String ENVIRONMENT = "tracestack:environment";
    public static final String KUBERNETES = "tracestack:kubernetes";
    public static final String SAMPLING = "tracestack:sampling";
    public static final String RETENTION_DAYS = "tracestack:retentionDays";
    public static final String JAEGER = "tracestack:jaeger";
    public static final String DETAILED_TRACING = "tracestack:detailedTracing";
    public static final String CROSS_REGION_BACKUP = "tracestack:crossRegionBackup";
    public static final String EXPORTERS = "tracestack:exporters";
    public static final String ALERTS = "tracestack:alerts";
    public static final String SLACK_AUTH_TOKEN = "tracestack:slackAuthToken";
    public static final String BIGQUERY = "tracestack:bigquery";
    public static final String COLLECTOR = "tracestack:collector";
    public static final String PLATFORM = "tracestack:platform";
    public static final String LOCAL = "tracestack:local";
    public static final String ELASTICSEARCH = "tracestack:elasticsearch";
    public static final String COST = "tracestack:cost";
    public static final String SERVICES = "tracestack:services";
    public static final String SERVICES_FILE = "tracestack:servicesFile";
    public static final String OAUTH_CLIENT_SECRET = "tracestack:oauthClientSecret";
    public static final String OAUTH_COOKIE_SECRET = "tracestack:oauthCookieSecret";
    public static final String ATTRIBUTE_HASH_KEY = "tracestack:attributeHashKey";

    private ConfigKeys() {
    }
}
