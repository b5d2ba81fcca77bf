package dev.tracestack.component.collector;

import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.render.Names;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorPort;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.collector.RenderedTier;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pure builders of a tier's ConfigMap and workload (Deployment, or StatefulSet with a queue volume). */
final class CollectorPods {

    static final String CONTAINER = "otel-collector";
    static final String CONFIG_DIR = "/conf";
    static final String CONFIG_VOLUME = "config";
    static final String QUEUE_VOLUME = "queue";
    /** The contrib image's non-root user (also the uid every other non-root pod of the stack runs as). */
    static final int USER_ID = 10001;

    private CollectorPods() {
    }

    static ConfigMapArgs configMap(CollectorTierSpec spec) {
        return ConfigMapArgs.builder()
                .metadata(spec.metadata(spec.rendered().configMapName()))
                .data(Map.of(RenderedTier.CONFIG_FILE, spec.rendered().configYaml()))
                .build();
    }

    /** Replicas are left to the HorizontalPodAutoscaler; surge first so capacity never drops during a rollout. */
    static DeploymentArgs deployment(CollectorTierSpec spec) {
        return DeploymentArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(DeploymentSpecArgs.builder()
                        .selector(spec.labelSelector())
                        .strategy(DeploymentStrategyArgs.builder().type("RollingUpdate")
                                .rollingUpdate(RollingUpdateDeploymentArgs.builder()
                                        .maxUnavailable(0).maxSurge(1).build())
                                .build())
                        .template(podTemplate(spec))
                        .build())
                .build();
    }

    /**
     * Each pod gets its own queue volume; the headless Service gives the pods their identity. The claims
     * outlive the pods (Retain on scale-in and on deletion), so a queue is never deleted with what it holds.
     */
    static StatefulSetArgs statefulSet(CollectorTierSpec spec) {
        return StatefulSetArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(StatefulSetSpecArgs.builder()
                        .serviceName(spec.name())
                        .podManagementPolicy("Parallel")
                        .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs
                                .builder().whenScaled("Retain").whenDeleted("Retain").build())
                        .selector(spec.labelSelector())
                        .template(podTemplate(spec))
                        .volumeClaimTemplates(PersistentVolumeClaimArgs.builder()
                                .metadata(ObjectMetaArgs.builder().name(QUEUE_VOLUME).labels(spec.labels()).build())
                                .spec(PersistentVolumeClaimSpecArgs.builder()
                                        .accessModes("ReadWriteOnce")
                                        .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage",
                                                spec.settings().persistentQueue().sizeGiB() + "Gi")).build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    static PodTemplateSpecArgs podTemplate(CollectorTierSpec spec) {
        List<VolumeArgs> volumes = new ArrayList<>(List.of(VolumeArgs.builder().name(CONFIG_VOLUME)
                .configMap(ConfigMapVolumeSourceArgs.builder().name(spec.rendered().configMapName()).build()).build()));
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder().labels(spec.labels())
                        .annotations(Map.of(Names.CONFIG_HASH_ANNOTATION, spec.rendered().configHash())).build())
                .spec(PodSpecArgs.builder()
                        .serviceAccountName(WellKnownNames.COLLECTOR_SERVICE_ACCOUNT)
                        // The DNS resolver needs no Kubernetes API; Workload Identity needs no token either.
                        .automountServiceAccountToken(false)
                        // Long enough for tail_sampling's decision_wait and a queue flush on shutdown.
                        .terminationGracePeriodSeconds(60)
                        .securityContext(PodSpecs.podSecurity(USER_ID, USER_ID))
                        .topologySpreadConstraints(PodSpecs.spread(spec.selector()))
                        .containers(container(spec))
                        .volumes(volumes)
                        .build())
                .build();
    }

    static ContainerArgs container(CollectorTierSpec spec) {
        CollectorSettings.Resources r = spec.settings().resources();
        List<VolumeMountArgs> mounts = new ArrayList<>(List.of(
                VolumeMountArgs.builder().name(CONFIG_VOLUME).mountPath(CONFIG_DIR).readOnly(true).build()));
        if (spec.tier().persistentQueue()) {
            mounts.add(VolumeMountArgs.builder().name(QUEUE_VOLUME)
                    .mountPath(CollectorConfigRenderer.QUEUE_DIRECTORY).build());
        }
        return ContainerArgs.builder()
                .name(CONTAINER)
                .image(spec.settings().effectiveImage())
                .args("--config=" + CONFIG_DIR + "/" + RenderedTier.CONFIG_FILE)
                .ports(spec.ports().stream().map(p -> ContainerPortArgs.builder()
                        .name(p.name()).containerPort(p.port()).protocol("TCP").build()).toList())
                .env(env(spec))
                .resources(ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", ContainerResources.cpu(r.cpuRequestMillis()),
                                "memory", ContainerResources.memory(r.memoryLimitMiB())))
                        .limits(Map.of("cpu", ContainerResources.cpu(r.cpuLimitMillis()),
                                "memory", ContainerResources.memory(r.memoryLimitMiB())))
                        .build())
                .livenessProbe(probe(15))
                .readinessProbe(probe(5))
                // The image is built from scratch: seccomp is pinned on the container too, not only the pod.
                .securityContext(PodSpecs.writableRootSecurity().readOnlyRootFilesystem(true)
                        .seccompProfile(PodSpecs.runtimeDefault()).build())
                .volumeMounts(mounts)
                .build();
    }

    /** GOMEMLIMIT; on a gateway that hashes with a key, the key from its Secret. */
    private static List<EnvVarArgs> env(CollectorTierSpec spec) {
        List<EnvVarArgs> env = new ArrayList<>(List.of(EnvVarArgs.builder().name("GOMEMLIMIT")
                .value(CollectorConfigRenderer.goMemLimit(spec.settings())).build()));
        if (spec.tier().role() == CollectorTier.Role.GATEWAY && spec.collector().keyedHash()) {
            env.add(CollectorSecret.hashKeyEnv());
        }
        return env;
    }

    private static ProbeArgs probe(int periodSeconds) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path("/").port(CollectorPort.HEALTH).build())
                .periodSeconds(periodSeconds)
                .build();
    }
}
