package dev.tracestack.component.jaeger;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.render.Names;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import dev.tracestack.render.jaeger.JaegerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of one Jaeger role's objects: its ConfigMap (the name carries the content hash), its
 * Deployment (the hash also on the pod template, so a config change rolls the pods) and its Service.
 */
final class JaegerRoles {

    private static final String CONFIG_VOLUME = "config";

    private JaegerRoles() {
    }

    static ConfigMapArgs configMap(JaegerRole role, String namespace) {
        return ConfigMapArgs.builder()
                .metadata(PodSpecs.meta(role.configMapName(), namespace, role.labels()))
                .data(role.files())
                .build();
    }

    /**
     * @param configMap    the name of the role's ConfigMap, as registered, so the pods wait for it
     * @param passwordHash the hash of the role's Elasticsearch password: Jaeger reads the password file once, so
     *                     a new password must roll the pods
     */
    static DeploymentArgs deployment(JaegerRole role, Output<String> configMap, Output<String> passwordHash,
                                     String namespace, String image) {
        List<ContainerPortArgs> ports = new ArrayList<>();
        role.ports().forEach((name, port) ->
                ports.add(ContainerPortArgs.builder().name(name).containerPort(port).protocol("TCP").build()));
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name(CONFIG_VOLUME).mountPath(JaegerConfigRenderer.CONFIG_DIR)
                .readOnly(true).build());
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes(role.esUser()));
        volumes.add(VolumeArgs.builder().name(CONFIG_VOLUME).configMap(ConfigMapVolumeSourceArgs.builder()
                .name(configMap).build()).build());

        var container = PodSpecs.container("jaeger", image)
                .args("--config", JaegerConfigRenderer.CONFIG_DIR + "/" + JaegerConfigRenderer.CONFIG_FILE)
                .env(PodSpecs.env("GOMEMLIMIT", role.settings().resources().memoryMiB()
                        * JaegerConfigRenderer.GOMEMLIMIT_PERCENT / 100 + "MiB"))
                .ports(ports)
                .resources(PodSpecs.resources(role.settings().resources()))
                .readinessProbe(PodSpecs.httpProbe("/status", role.ports().get("health"), 5))
                .livenessProbe(PodSpecs.httpProbe("/status", role.ports().get("health"), 15))
                .volumeMounts(mounts)
                .build();
        var spec = DeploymentSpecArgs.builder();
        if (!role.autoscaled()) {
            spec.replicas(role.settings().replicas());
        }
        return DeploymentArgs.builder()
                .metadata(PodSpecs.meta(role.service(), namespace, role.labels()))
                .spec(spec
                        .selector(LabelSelectorArgs.builder().matchLabels(role.selector()).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(PodSpecs.elasticsearchClient(role.labels()))
                                        .annotations(passwordHash.applyValue(hash -> Map.of(
                                                Names.CONFIG_HASH_ANNOTATION, role.configHash(),
                                                Names.PASSWORD_HASH_ANNOTATION, hash))).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSpecs.podSecurity())
                                        .topologySpreadConstraints(PodSpecs.spread(role.selector()))
                                        .containers(container)
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /** Every port of the role, by name. */
    static ServiceArgs service(JaegerRole role, String namespace) {
        List<ServicePortArgs> ports = new ArrayList<>();
        role.ports().forEach((name, port) -> ports.add(ServicePortArgs.builder()
                .name(name).port(port).targetPort(name).protocol("TCP").build()));
        return ServiceArgs.builder()
                .metadata(PodSpecs.meta(role.service(), namespace, role.labels()))
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(role.selector()).ports(ports).build())
                .build();
    }
}
