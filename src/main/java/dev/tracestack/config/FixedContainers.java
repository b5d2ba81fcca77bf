package dev.tracestack.config;

/**
 * The sizes of the containers no config key sizes, in one place: the builders that run them and the cost
 * estimate that prices them read the same values. Requests equal limits ({@link ContainerResources}).
 */
public final class FixedContainers {

    /** The oauth2-proxy in front of the Jaeger UI: a small Go proxy. */
    public static final ContainerResources OAUTH_PROXY = new ContainerResources(100, 128);
    /** The one-shot client that installs the ILM policy and Jaeger's index templates (curl in a shell). */
    public static final ContainerResources ELASTICSEARCH_CLIENT = new ContainerResources(100, 128);
    /** The init container that imports the ECK CA into the Spark job's truststore (keytool). */
    public static final ContainerResources TRUSTSTORE_IMPORT = new ContainerResources(100, 256);
    /** The daily spark-dependencies job: Spark in local mode over a day of spans. */
    public static final ContainerResources SPARK_DEPENDENCIES = new ContainerResources(1000, 2048);
    /**
     * The ECK operator's requests as its chart sets them (eck-operator values.yaml: 100m, 150Mi; limits 1 CPU,
     * 512Mi); the stack installs the chart with its defaults, so this only records them for the estimate.
     */
    public static final ContainerResources ECK_OPERATOR_REQUESTS = new ContainerResources(100, 150);

    private FixedContainers() {
    }
}
