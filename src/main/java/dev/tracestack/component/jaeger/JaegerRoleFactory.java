package dev.tracestack.component.jaeger;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Service;
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
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.JaegerSettings;
import dev.tracestack.render.Names;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three objects of one Jaeger role: its ConfigMap (name carries the content hash), its Deployment
 * (the hash also on the pod template, so a config change rolls the pods) and its Service.
 */
final class JaegerRoleFactory {

    private static final String CONFIG_VOLUME = "config";

    private JaegerRoleFactory() {
    }

    /**
     * @param service   the Service and Deployment name, e.g. {@code jaeger-collector}
     * @param files     the ConfigMap's files by name ({@code config.yaml} first)
     * @param ports     container ports by name, all exposed by the Service
     * @param labels    the role's labels
     * @param selector  the stable selector subset of the labels
     * @param settings  replicas and resources
     * @param autoscaled whether an HPA owns the replica count (the Deployment then leaves it unset, so that
     *                   every update does not reset what the HPA scaled to)
     */
    record Role(String service, Map<String, String> files, Map<String, Integer> ports, Map<String, String> labels,
                Map<String, String> selector, JaegerSettings.Role settings, boolean autoscaled) {
    }

    static ConfigMap configMap(Role role, String namespace, CustomResourceOptions options) {
        return new ConfigMap(Names.child(role.service(), "config"), ConfigMapArgs.builder()
                .metadata(PodSpecs.meta(Names.dnsLabel(role.service() + "-" + hash(role)), namespace, role.labels()))
                .data(new TreeMap<>(role.files()))
                .build(), options);
    }

    static Deployment deployment(Role role, ConfigMap config, String namespace, String image,
                                 CustomResourceOptions options) {
        List<ContainerPortArgs> ports = new ArrayList<>();
        role.ports().forEach((name, port) ->
                ports.add(ContainerPortArgs.builder().name(name).containerPort(port).protocol("TCP").build()));
        List<VolumeMountArgs> mounts = new ArrayList<>(PodSpecs.elasticsearchMounts());
        mounts.add(VolumeMountArgs.builder().name(CONFIG_VOLUME).mountPath(JaegerConfigRenderer.CONFIG_DIR)
                .readOnly(true).build());
        List<VolumeArgs> volumes = new ArrayList<>(PodSpecs.elasticsearchVolumes());
        volumes.add(VolumeArgs.builder().name(CONFIG_VOLUME).configMap(ConfigMapVolumeSourceArgs.builder()
                .name(config.metadata().applyValue(m -> m.name().orElseThrow())).build()).build());

        var container = PodSpecs.container("jaeger", image)
                .args("--config", JaegerConfigRenderer.CONFIG_DIR + "/" + JaegerConfigRenderer.CONFIG_FILE)
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
        return new Deployment(role.service(), DeploymentArgs.builder()
                .metadata(PodSpecs.meta(role.service(), namespace, role.labels()))
                .spec(spec
                        .selector(LabelSelectorArgs.builder().matchLabels(role.selector()).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(PodSpecs.elasticsearchClient(role.labels()))
                                        .annotations(Map.of(Names.CONFIG_HASH_ANNOTATION, hash(role))).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSpecs.podSecurity())
                                        .containers(container)
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }

    static Service service(Role role, String namespace, CustomResourceOptions options) {
        List<ServicePortArgs> ports = new ArrayList<>();
        role.ports().forEach((name, port) -> ports.add(ServicePortArgs.builder()
                .name(name).port(port).targetPort(name).protocol("TCP").build()));
        return new Service(role.service(), ServiceArgs.builder()
                .metadata(PodSpecs.meta(role.service(), namespace, role.labels()))
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(role.selector()).ports(ports).build())
                .build(), options);
    }

    static String hash(Role role) {
        return Names.hash8(String.join("\n", new TreeMap<>(role.files()).values()));
    }
}
