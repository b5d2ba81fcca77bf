package dev.tracestack.component.elasticsearch;

import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one-shot Job that readies Elasticsearch for Jaeger: an init container waits for the cluster and
 * PUTs the ILM policy (and the snapshot repository and SLM policy), then {@code jaeger-es-rollover init}
 * with ILM on creates the templates, the first indices and the read/write aliases. Its name carries the
 * hash of everything it applies, so a changed policy runs a new Job. No rollover or index-cleaner
 * CronJobs: ILM rolls over and deletes.
 */
final class IlmInitJobFactory {

    static final String NAME = "jaeger-es-ilm-init";
    static final String CURL_IMAGE = "curlimages/curl:8.11.1";
    private static final String INIT_DIR = "/init";
    private static final ContainerResources RESOURCES = FixedContainers.ELASTICSEARCH_CLIENT;
    private static final Set<String> APPLIED = Set.of(ElasticsearchArtifacts.INIT_SCRIPT,
            ElasticsearchArtifacts.ILM_POLICY, ElasticsearchArtifacts.SNAPSHOT_REPOSITORY,
            ElasticsearchArtifacts.SLM_POLICY);

    private IlmInitJobFactory() {
    }

    /** The files the Job applies, by file name. */
    static Map<String, String> files(RenderedStack rendered) {
        Map<String, String> files = new TreeMap<>();
        rendered.files().forEach((path, text) -> {
            if (APPLIED.contains(path)) {
                files.put(path.substring(path.lastIndexOf('/') + 1), text);
            }
        });
        return files;
    }

    static String hash(Map<String, String> files) {
        return Names.hash8(String.join("\n", files.values()));
    }

    static Job job(StackConfig config, RenderedStack rendered, Map<String, String> labels,
                   CustomResourceOptions options) {
        String namespace = config.kubernetes().namespace();
        Map<String, String> files = files(rendered);
        String hash = hash(files);
        ConfigMap scripts = new ConfigMap(Names.child(NAME, "config"), ConfigMapArgs.builder()
                .metadata(PodSpecs.meta(Names.dnsLabel(NAME + "-" + hash), namespace, labels))
                .data(files).build(), options);

        String url = JaegerIndices.url(namespace);
        List<EnvVarArgs> setupEnv = List.of(PodSpecs.env("ES_URL", url),
                PodSpecs.env("ES_USERNAME", JaegerIndices.ES_USER), PodSpecs.esPasswordEnv("ES_PASSWORD"),
                PodSpecs.env("ES_CA_FILE", JaegerIndices.ES_CA_FILE),
                PodSpecs.env("ILM_POLICY", JaegerIndices.ILM_POLICY),
                PodSpecs.env("SNAPSHOT_REPOSITORY", JaegerIndices.SNAPSHOT_REPOSITORY),
                PodSpecs.env("SLM_POLICY", JaegerIndices.SLM_POLICY));
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name("init").mountPath(INIT_DIR).readOnly(true).build());
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes());
        volumes.add(VolumeArgs.builder().name("init").configMap(ConfigMapVolumeSourceArgs.builder()
                .name(scripts.metadata().applyValue(m -> m.name().orElseThrow())).build()).build());

        var setup = PodSpecs.container("apply-policies", CURL_IMAGE)
                .command("/bin/sh", INIT_DIR + "/init.sh")
                .env(setupEnv).volumeMounts(mounts).resources(PodSpecs.resources(RESOURCES)).build();
        // `init` refuses ILM when the policy is missing, hence the init container PUTs it first.
        var rollover = PodSpecs.container("rollover-init", config.jaeger().rolloverImage())
                .args("init", url)
                .env(rolloverEnv(config))
                .volumeMounts(PodSpecs.elasticsearchMounts()).resources(PodSpecs.resources(RESOURCES)).build();
        return new Job(NAME, JobArgs.builder()
                .metadata(PodSpecs.meta(Names.dnsLabel(NAME + "-" + hash), namespace, labels))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(6)
                        .template(PodSpecs.elasticsearchJobPod(labels, PodSpecs.podSecurity(), setup, rollover, volumes))
                        .build())
                .build(), options);
    }

    /** {@code jaeger-es-rollover}'s flags as environment variables. */
    static List<EnvVarArgs> rolloverEnv(StackConfig config) {
        List<EnvVarArgs> env = new ArrayList<>();
        JaegerIndices.rolloverSettings(config).forEach((name, value) -> env.add(PodSpecs.env(name, value)));
        env.add(PodSpecs.env("ES_USERNAME", JaegerIndices.ES_USER));
        env.add(PodSpecs.esPasswordEnv("ES_PASSWORD"));
        env.add(PodSpecs.env("ES_TLS_ENABLED", "true"));
        env.add(PodSpecs.env("ES_TLS_CA", JaegerIndices.ES_CA_FILE));
        return env;
    }
}
