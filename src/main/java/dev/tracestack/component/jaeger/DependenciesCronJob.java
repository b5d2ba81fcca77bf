package dev.tracestack.component.jaeger;

import com.pulumi.kubernetes.batch.v1.CronJobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.CronJobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.RenderedJaeger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure builder of the daily spark-dependencies CronJob (as the Jaeger Helm chart runs it): it reads a day
 * of spans through the read aliases and writes the dependency links the UI's graph shows. Spark is a JVM, so
 * an init container turns ECK's PEM CA into a PKCS#12 truststore first.
 */
final class DependenciesCronJob {

    private static final String TRUSTSTORE_DIR = "/truststore";
    private static final String TRUSTSTORE = TRUSTSTORE_DIR + "/es-ca.p12";
    /** Not a secret: it only guards the integrity of a store holding a public CA certificate. */
    private static final String TRUSTSTORE_PASSWORD = "changeit";
    private static final ContainerResources RESOURCES = FixedContainers.SPARK_DEPENDENCIES;
    /** The image's own user, with a group of its own (not root's). */
    private static final int SPARK_UID = 185;
    /** A day's spans are read in minutes; a job still running after this is stuck, and is stopped. */
    static final int ACTIVE_DEADLINE_SECONDS = 3 * 3600;

    private DependenciesCronJob() {
    }

    static final String COMPONENT = "spark-dependencies";

    static Map<String, String> labels(RenderedJaeger jaeger) {
        return jaeger.labels(COMPONENT, jaeger.settings().dependencies().version());
    }

    static CronJobArgs cronJob(RenderedJaeger jaeger) {
        String image = jaeger.sparkImage();
        Map<String, String> labels = labels(jaeger);
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name("truststore").mountPath(TRUSTSTORE_DIR).build());
        // Spark spills to /tmp: an emptyDir, not the container's writable layer.
        mounts.add(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        ElasticsearchUsers.User user = jaeger.esUsers().dependencies();
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes(user));
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
                .env(PodSpecs.env("ES_NODES", jaeger.elasticsearchUrl()),
                        PodSpecs.env("ES_NODES_WAN_ONLY", "true"),
                        PodSpecs.env("ES_USERNAME", user.name()),
                        // The job reads its password only from the environment; a new Job each run reads it anew.
                        PodSpecs.esPasswordEnv("ES_PASSWORD", user),
                        PodSpecs.env("ES_INDEX_PREFIX", jaeger.indexPrefix()),
                        PodSpecs.env("ES_USE_ALIASES", "true"),
                        PodSpecs.env("JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + TRUSTSTORE
                                + " -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword="
                                + TRUSTSTORE_PASSWORD + " -Xmx" + (RESOURCES.memoryMiB() * 3 / 4) + "m"))
                // Read-only root: Spark writes only to the emptyDirs (/tmp for spills, the truststore).
                .securityContext(PodSpecs.containerSecurity())
                .volumeMounts(mounts)
                .resources(PodSpecs.resources(RESOURCES))
                .build();
        return CronJobArgs.builder()
                .metadata(PodSpecs.meta(RenderedJaeger.SPARK_DEPENDENCIES, jaeger.namespace(), labels))
                .spec(CronJobSpecArgs.builder()
                        .schedule(jaeger.settings().dependencies().schedule())
                        .timeZone("Etc/UTC")
                        .concurrencyPolicy("Forbid")
                        .successfulJobsHistoryLimit(1)
                        .failedJobsHistoryLimit(3)
                        .jobTemplate(JobTemplateSpecArgs.builder().spec(JobSpecArgs.builder()
                                .backoffLimit(2)
                                .activeDeadlineSeconds(ACTIVE_DEADLINE_SECONDS)
                                .template(PodSpecs.elasticsearchJobPod(labels, PodSpecs.podSecurity(SPARK_UID, SPARK_UID),
                                        importCa, spark, volumes))
                                .build()).build())
                        .build())
                .build();
    }
}
