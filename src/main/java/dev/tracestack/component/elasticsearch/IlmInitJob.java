package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of the one-shot Job that readies Elasticsearch for Jaeger, and of the ConfigMap it mounts:
 * an init container waits for the cluster and PUTs the ILM policy (and the snapshot repository and SLM
 * policy), then {@code jaeger-es-rollover init} with ILM on creates the templates, the first indices and the
 * read/write aliases. Both run as the init user and read its password from the mounted file. Both names carry
 * the hash of everything it applies, so a changed policy runs a new Job. The Job is bounded in time and
 * cleaned up a day after it finishes. No rollover or index-cleaner CronJobs: ILM rolls over and deletes.
 */
final class IlmInitJob {

    static final String CURL_IMAGE = "curlimages/curl:8.11.1";
    private static final String INIT_DIR = "/init";
    private static final ContainerResources RESOURCES = FixedContainers.ELASTICSEARCH_CLIENT;
    /** The init script's wait (30 tries, 10 s apart) and both steps fit well inside this. */
    static final int ACTIVE_DEADLINE_SECONDS = 1800;
    /** A finished Job stays a day for its logs; a rerun is harmless (every step is idempotent). */
    static final int TTL_SECONDS_AFTER_FINISHED = 86400;
    /** The rollover tool reads its password only from a flag or the environment: the file goes in at exec. */
    private static final String ROLLOVER = "/go/bin/es-rollover";

    private IlmInitJob() {
    }

    static final String COMPONENT = "ilm-init";

    static Map<String, String> labels(RenderedElasticsearch es) {
        return es.labels(COMPONENT);
    }

    /** The files the Job applies, by file name. */
    static ConfigMapArgs configMap(RenderedElasticsearch es) {
        return ConfigMapArgs.builder()
                .metadata(PodSpecs.meta(es.ilmInit().name(), es.namespace(), labels(es)))
                .data(es.ilmInit().files()).build();
    }

    /** @param configMap the name of the files' ConfigMap, as registered, so the Job waits for it */
    static JobArgs job(RenderedElasticsearch es, Output<String> configMap) {
        RenderedElasticsearch.IlmInit init = es.ilmInit();
        List<EnvVarArgs> setupEnv = List.of(PodSpecs.env("ES_URL", init.url()),
                PodSpecs.env("ES_USERNAME", es.users().init().name()),
                PodSpecs.env("ES_PASSWORD_FILE", JaegerIndices.ES_PASSWORD_FILE),
                PodSpecs.env("ES_CA_FILE", JaegerIndices.ES_CA_FILE),
                PodSpecs.env("ILM_POLICY", JaegerIndices.ILM_POLICY_NAME),
                PodSpecs.env("SNAPSHOT_REPOSITORY", JaegerIndices.SNAPSHOT_REPOSITORY_NAME),
                PodSpecs.env("SLM_POLICY", JaegerIndices.SLM_POLICY_NAME));
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name("init").mountPath(INIT_DIR).readOnly(true).build());
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes(es.users().init()));
        volumes.add(VolumeArgs.builder().name("init").configMap(ConfigMapVolumeSourceArgs.builder()
                .name(configMap).build()).build());

        var setup = PodSpecs.container("apply-policies", CURL_IMAGE)
                .command("/bin/sh", INIT_DIR + "/init.sh")
                .env(setupEnv).volumeMounts(mounts).resources(PodSpecs.resources(RESOURCES)).build();
        // `init` refuses ILM when the policy is missing, hence the init container PUTs it first.
        var rollover = PodSpecs.container("rollover-init", init.rolloverImage())
                .command("/bin/sh", "-c", "ES_PASSWORD=\"$(cat \"$ES_PASSWORD_FILE\")\" exec " + ROLLOVER
                        + " init \"$ES_URL\"")
                .env(rolloverEnv(init, es.users().init()))
                .volumeMounts(PodSpecs.elasticsearchMounts()).resources(PodSpecs.resources(RESOURCES)).build();
        return JobArgs.builder()
                .metadata(PodSpecs.meta(init.name(), es.namespace(), labels(es)))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(6)
                        .activeDeadlineSeconds(ACTIVE_DEADLINE_SECONDS)
                        .ttlSecondsAfterFinished(TTL_SECONDS_AFTER_FINISHED)
                        .template(PodSpecs.elasticsearchJobPod(labels(es), PodSpecs.podSecurity(), setup, rollover,
                                volumes))
                        .build())
                .build();
    }

    /** {@code jaeger-es-rollover}'s flags as environment variables. */
    static List<EnvVarArgs> rolloverEnv(RenderedElasticsearch.IlmInit init, ElasticsearchUsers.User user) {
        List<EnvVarArgs> env = new ArrayList<>();
        init.rolloverSettings().forEach((name, value) -> env.add(PodSpecs.env(name, value)));
        env.add(PodSpecs.env("ES_URL", init.url()));
        env.add(PodSpecs.env("ES_USERNAME", user.name()));
        env.add(PodSpecs.env("ES_PASSWORD_FILE", JaegerIndices.ES_PASSWORD_FILE));
        env.add(PodSpecs.env("ES_TLS_ENABLED", "true"));
        env.add(PodSpecs.env("ES_TLS_CA", JaegerIndices.ES_CA_FILE));
        return env;
    }
}
