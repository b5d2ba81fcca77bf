package dev.tracestack.component.kubernetes;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.wire.WellKnownNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod-level pieces the stack's workloads share: non-root security contexts (the collector's too),
 * Guaranteed resources, HTTP probes, and the ECK credentials and CA mounted as files.
 */
public final class PodSpecs {

    /** Pods with this label may reach Elasticsearch; its NetworkPolicy admits nothing else but ECK. */
    public static final String ES_CLIENT_LABEL = "tracestack.dev/elasticsearch-client";
    /** The label ECK puts on every node of the cluster. */
    public static final Map<String, String> ES_NODES = Map.of(
            "elasticsearch.k8s.elastic.co/cluster-name", WellKnownNames.ELASTICSEARCH_CLUSTER);
    private static final int NON_ROOT_UID = 10001;
    private static final String ES_AUTH_VOLUME = "es-auth";
    private static final String ES_CA_VOLUME = "es-ca";

    private PodSpecs() {
    }

    /** The pod labels of a workload that reads or writes Elasticsearch: its own plus {@link #ES_CLIENT_LABEL}. */
    public static Map<String, String> elasticsearchClient(Map<String, String> labels) {
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(ES_CLIENT_LABEL, "true");
        return podLabels;
    }

    /**
     * The pod of a one-shot Elasticsearch client (the ILM Job, the dependencies CronJob): admitted by the
     * storage NetworkPolicy, without a Kubernetes API token, retried in place when it fails.
     */
    public static PodTemplateSpecArgs elasticsearchJobPod(Map<String, String> labels, PodSecurityContextArgs security,
                                                          ContainerArgs init, ContainerArgs main,
                                                          List<VolumeArgs> volumes) {
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder().labels(elasticsearchClient(labels)).build())
                .spec(PodSpecArgs.builder()
                        .restartPolicy("OnFailure")
                        .automountServiceAccountToken(false)
                        .securityContext(security)
                        .initContainers(init)
                        .containers(main)
                        .volumes(volumes)
                        .build())
                .build();
    }

    /**
     * Spread over zones where the region has capacity, and never two more on one node than on another: a node or
     * a zone going down takes one share of the replicas, not all of them.
     */
    public static List<TopologySpreadConstraintArgs> spread(Map<String, String> selector) {
        LabelSelectorArgs pods = LabelSelectorArgs.builder().matchLabels(selector).build();
        return List.of(
                TopologySpreadConstraintArgs.builder().maxSkew(1).topologyKey("topology.kubernetes.io/zone")
                        .whenUnsatisfiable("ScheduleAnyway").labelSelector(pods).build(),
                TopologySpreadConstraintArgs.builder().maxSkew(1).topologyKey("kubernetes.io/hostname")
                        .whenUnsatisfiable("DoNotSchedule").labelSelector(pods).build());
    }

    public static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build();
    }

    public static PodSecurityContextArgs podSecurity() {
        return podSecurity(NON_ROOT_UID, NON_ROOT_UID);
    }

    /** For images that expect their own user (never uid 0). */
    public static PodSecurityContextArgs podSecurity(int uid, int gid) {
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true).runAsUser(uid).runAsGroup(gid).fsGroup(uid)
                .seccompProfile(runtimeDefault())
                .build();
    }

    /** The container runtime's default seccomp profile. */
    public static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }

    public static SecurityContextArgs containerSecurity() {
        return writableRootSecurity().readOnlyRootFilesystem(true).build();
    }

    /** The same restrictions for an image that must write to its own root filesystem. */
    public static SecurityContextArgs.Builder writableRootSecurity() {
        return SecurityContextArgs.builder()
                .allowPrivilegeEscalation(false).runAsNonRoot(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build());
    }

    public static ResourceRequirementsArgs resources(ContainerResources r) {
        return ResourceRequirementsArgs.builder().requests(r.quantities()).limits(r.quantities()).build();
    }

    public static ProbeArgs httpProbe(String path, int port, int initialDelaySeconds) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .initialDelaySeconds(initialDelaySeconds).periodSeconds(10).timeoutSeconds(3).failureThreshold(3)
                .build();
    }

    public static EnvVarArgs env(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    public static EnvVarArgs secretEnv(String name, String secret, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build()).build()).build();
    }

    /** A client's own Elasticsearch password, for a program that reads it only from its environment. */
    public static EnvVarArgs esPasswordEnv(String name, ElasticsearchUsers.User user) {
        return secretEnv(name, user.secret(), ElasticsearchUsers.PASSWORD_KEY);
    }

    /** The client's own password and ECK's HTTP CA, as read-only files (paths in {@link JaegerIndices}). */
    public static List<VolumeArgs> elasticsearchVolumes(ElasticsearchUsers.User user) {
        return List.of(
                VolumeArgs.builder().name(ES_AUTH_VOLUME).secret(SecretVolumeSourceArgs.builder()
                        .secretName(user.secret())
                        .items(KeyToPathArgs.builder().key(ElasticsearchUsers.PASSWORD_KEY).path(ElasticsearchUsers.PASSWORD_KEY)
                                .build())
                        .build()).build(),
                VolumeArgs.builder().name(ES_CA_VOLUME).secret(SecretVolumeSourceArgs.builder()
                        .secretName(JaegerIndices.ES_CA_SECRET)
                        .items(KeyToPathArgs.builder().key(JaegerIndices.ES_CA_KEY).path(JaegerIndices.ES_CA_KEY)
                                .build())
                        .build()).build());
    }

    public static List<VolumeMountArgs> elasticsearchMounts() {
        return List.of(
                VolumeMountArgs.builder().name(ES_AUTH_VOLUME).mountPath(parent(JaegerIndices.ES_PASSWORD_FILE))
                        .readOnly(true).build(),
                VolumeMountArgs.builder().name(ES_CA_VOLUME).mountPath(parent(JaegerIndices.ES_CA_FILE))
                        .readOnly(true).build());
    }

    /** A container with the shared security context; callers add what is specific to it. */
    public static ContainerArgs.Builder container(String name, String image) {
        return ContainerArgs.builder().name(name).image(image).imagePullPolicy("IfNotPresent")
                .securityContext(containerSecurity());
    }

    private static String parent(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }
}
