package dev.tracestack.component.jaeger;

import com.pulumi.kubernetes.batch.v1.CronJob;
import com.pulumi.kubernetes.batch.v1.CronJobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.CronJobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daily spark-dependencies CronJob (as the Jaeger Helm chart runs it): reads a day of spans through
 * the read aliases and writes the dependency links the UI's graph shows. Spark is a JVM, so an init
 * container turns ECK's PEM CA into a PKCS#12 truststore first.
 */
final class DependenciesJobFactory {

    static final String NAME = "jaeger-spark-dependencies";
    private static final String IMAGE = "ghcr.io/jaegertracing/spark-dependencies/spark-dependencies:";
    /**
     * Since 0.6 spark-dependencies publishes one image per storage, tagged {@code <release>-<variant>}
     * (jaegertracing/spark-dependencies, .github/workflows/ci-cd.yml at v0.7.0); a bare release tag is not
     * pushed. The {@code elasticsearch8} variant carries the ES 8 connector and reads ES 7.17 to 8.x, which
     * the Elasticsearch version rule (8.x only) guarantees. The variant also selects the job's main class,
     * so the image needs no {@code STORAGE} variable.
     */
    static final String ES8_VARIANT = "-elasticsearch8";
    private static final String TRUSTSTORE_DIR = "/truststore";
    private static final String TRUSTSTORE = TRUSTSTORE_DIR + "/es-ca.p12";
    /** Not a secret: it only guards the integrity of a store holding a public CA certificate. */
    private static final String TRUSTSTORE_PASSWORD = "changeit";
    private static final ContainerResources RESOURCES = FixedContainers.SPARK_DEPENDENCIES;
    /**
     * The image's own user; its entrypoint adds that uid to /etc/passwd (group root may write it), so
     * the root filesystem of the Spark container stays writable and the group is 0.
     */
    private static final int SPARK_UID = 185;

    private DependenciesJobFactory() {
    }

    /** The pinned release's Elasticsearch 8 image. */
    static String image(StackConfig config) {
        return IMAGE + config.jaeger().dependencies().version() + ES8_VARIANT;
    }

    static CronJob cronJob(StackConfig config, Map<String, String> labels, CustomResourceOptions options) {
        String namespace = config.kubernetes().namespace();
        String image = image(config);
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name("truststore").mountPath(TRUSTSTORE_DIR).build());
        // Spark spills to /tmp: an emptyDir, not the container's writable layer.
        mounts.add(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes());
        volumes.add(VolumeArgs.builder().name("truststore").emptyDir(EmptyDirVolumeSourceArgs.builder().build())
                .build());
        volumes.add(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build());

        var importCa = PodSpecs.container("import-ca", image)
                .command("keytool", "-importcert", "-noprompt", "-alias", "eck-http-ca",
                        "-file", JaegerIndices.ES_CA_FILE, "-keystore", TRUSTSTORE, "-storetype", "PKCS12",
                        "-storepass", TRUSTSTORE_PASSWORD)
                .volumeMounts(mounts)
                .resources(PodSpecs.resources(FixedContainers.TRUSTSTORE_IMPORT))
                .build();
        var spark = PodSpecs.container("spark-dependencies", image)
                // An https:// node turns on the connector's TLS; it takes its truststore from the
                // javax.net.ssl.trustStore* properties in JAVA_OPTS.
                .env(PodSpecs.env("ES_NODES", JaegerIndices.url(namespace)),
                        PodSpecs.env("ES_NODES_WAN_ONLY", "true"),
                        PodSpecs.env("ES_USERNAME", JaegerIndices.ES_USER),
                        PodSpecs.esPasswordEnv("ES_PASSWORD"),
                        PodSpecs.env("ES_INDEX_PREFIX", JaegerIndices.indexPrefix(config)),
                        PodSpecs.env("ES_USE_ALIASES", "true"),
                        PodSpecs.env("JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + TRUSTSTORE
                                + " -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword="
                                + TRUSTSTORE_PASSWORD + " -Xmx" + (RESOURCES.memoryMiB() * 3 / 4) + "m"))
                .securityContext(PodSpecs.writableRootSecurity().build())
                .volumeMounts(mounts)
                .resources(PodSpecs.resources(RESOURCES))
                .build();
        return new CronJob(NAME, CronJobArgs.builder()
                .metadata(PodSpecs.meta(NAME, namespace, labels))
                .spec(CronJobSpecArgs.builder()
                        .schedule(config.jaeger().dependencies().schedule())
                        .timeZone("Etc/UTC")
                        .concurrencyPolicy("Forbid")
                        .successfulJobsHistoryLimit(1)
                        .failedJobsHistoryLimit(3)
                        .jobTemplate(JobTemplateSpecArgs.builder().spec(JobSpecArgs.builder()
                                .backoffLimit(2)
                                .template(PodSpecs.elasticsearchJobPod(labels, PodSpecs.podSecurity(SPARK_UID, 0),
                                        importCa, spark, volumes))
                                .build()).build())
                        .build())
                .build(), options);
    }
}
