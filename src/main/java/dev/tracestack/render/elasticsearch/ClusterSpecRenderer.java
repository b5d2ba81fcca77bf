package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.Environment;
import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of the ECK {@code Elasticsearch} resource: one node set holding every role, sized per
 * environment, with seed 000's node-level tuning where ES 8 still honours it, zone awareness where the
 * environment asks for it, the file realm of {@link ElasticsearchUsers}, and volumes that outlive the cluster.
 */
public final class ClusterSpecRenderer {

    /** The node set of a cluster whose volumes use the configured class as is. */
    public static final String NODE_SET = "default";
    /** The Kubernetes ServiceAccount of the nodes: the subject of the snapshot bucket's Workload Identity. */
    public static final String SERVICE_ACCOUNT = "jaeger-es";
    /** ECK copies these node labels into pod annotations, from where the downward API reads them. */
    public static final String DOWNWARD_NODE_LABELS = "eck.k8s.elastic.co/downward-node-labels";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    public static final String HOST_LABEL = "kubernetes.io/hostname";
    /** Deleting the resource keeps the claims; only a scale-down deletes the claim of the node it removes. */
    public static final String VOLUME_CLAIM_DELETE_POLICY = "DeleteOnScaledownOnly";
    /** The uid and gid of the Elasticsearch image's own user. */
    private static final int ES_UID = 1000;

    private ClusterSpecRenderer() {
    }

    public static Map<String, Object> spec(StackConfig config, Map<String, String> podLabels, DataVolumes volumes) {
        ElasticsearchSettings es = config.elasticsearch();
        Map<String, Object> nodeSet = new LinkedHashMap<>();
        nodeSet.put("name", volumes.nodeSet());
        nodeSet.put("count", es.nodes());
        nodeSet.put("config", nodeConfig(es));
        nodeSet.put("podTemplate", podTemplate(es, podLabels, volumes));
        nodeSet.put("volumeClaimTemplates", List.of(Map.of(
                "metadata", Map.of("name", "elasticsearch-data"),
                "spec", Map.of(
                        "accessModes", List.of("ReadWriteOnce"),
                        "storageClassName", volumes.storageClass(),
                        "resources", Map.of("requests", Map.of("storage", es.volumeSizeGi() + "Gi"))))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", es.version());
        spec.put("volumeClaimDeletePolicy", VOLUME_CLAIM_DELETE_POLICY);
        spec.put("auth", auth(config.environment(), ElasticsearchUsers.of(JaegerIndices.indexPrefix(config))));
        spec.put("nodeSets", List.of(nodeSet));
        return spec;
    }

    /**
     * Every client's user from its basic-auth Secret, the roles from one Secret; in prod the {@code elastic}
     * superuser does not exist at all (break-glass access: docs/security.md).
     */
    static Map<String, Object> auth(Environment environment, ElasticsearchUsers.Users users) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("fileRealm", users.all().stream()
                .map(user -> Map.of("secretName", user.secret())).toList());
        auth.put("roles", List.of(Map.of("secretName", ElasticsearchUsers.ROLES_SECRET)));
        auth.put("disableElasticUser", environment == Environment.PROD);
        return auth;
    }

    /** Seed 000's elasticsearch.yml, minus what ES 8 dropped ({@code indices.query.bool.max_clause_count}). */
    static Map<String, Object> nodeConfig(ElasticsearchSettings es) {
        Map<String, Object> config = new LinkedHashMap<>();
        // GKE nodes keep the default vm.max_map_count; niofs avoids needing a privileged sysctl init container.
        config.put("node.store.allow_mmap", false);
        config.put("thread_pool.write.queue_size", 2000);
        config.put("thread_pool.search.queue_size", 2000);
        config.put("search.max_buckets", 100000);
        config.put("indices.memory.index_buffer_size", "30%");
        config.put("indices.fielddata.cache.size", "40%");
        if (es.zoneAwareness()) {
            config.put("node.attr.zone", "${ZONE}");
            config.put("cluster.routing.allocation.awareness.attributes", "k8s_node_name,zone");
        }
        return config;
    }

    private static Map<String, Object> podTemplate(ElasticsearchSettings es, Map<String, String> podLabels,
                                                   DataVolumes volumes) {
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(Map.of("name", "ES_JAVA_OPTS", "value", "-Xms" + es.heapMiB() + "m -Xmx" + es.heapMiB() + "m"));
        if (es.zoneAwareness()) {
            env.add(Map.of("name", "ZONE", "valueFrom", Map.of("fieldRef",
                    Map.of("fieldPath", "metadata.annotations['" + ZONE_LABEL + "']"))));
        }
        Map<String, Object> resources = Map.of(
                "requests", es.resources().quantities(), "limits", es.resources().quantities());
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "elasticsearch");
        container.put("env", env);
        container.put("resources", resources);
        container.put("securityContext", Map.of(
                "allowPrivilegeEscalation", false,
                "runAsNonRoot", true,
                "capabilities", Map.of("drop", List.of("ALL"))));
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("serviceAccountName", SERVICE_ACCOUNT);
        podSpec.put("automountServiceAccountToken", false);
        podSpec.put("securityContext", Map.of(
                "runAsNonRoot", true, "runAsUser", ES_UID, "runAsGroup", ES_UID, "fsGroup", ES_UID,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        podSpec.put("containers", List.of(container));
        if (es.nodes() > 1) {
            Map<String, Object> selector = Map.of("matchLabels", Map.of(
                    "elasticsearch.k8s.elastic.co/cluster-name", WellKnownNames.ELASTICSEARCH_CLUSTER,
                    "elasticsearch.k8s.elastic.co/statefulset-name",
                    volumes.statefulSet(WellKnownNames.ELASTICSEARCH_CLUSTER)));
            List<Map<String, Object>> spread = new ArrayList<>();
            if (es.zoneAwareness()) {
                spread.add(spread(ZONE_LABEL, selector));
            }
            spread.add(spread(HOST_LABEL, selector));
            podSpec.put("topologySpreadConstraints", spread);
        }
        return Map.of("metadata", Map.of("labels", podLabels), "spec", podSpec);
    }

    private static Map<String, Object> spread(String topologyKey, Map<String, Object> selector) {
        Map<String, Object> constraint = new LinkedHashMap<>();
        constraint.put("maxSkew", 1);
        constraint.put("topologyKey", topologyKey);
        constraint.put("whenUnsatisfiable", "DoNotSchedule");
        constraint.put("labelSelector", selector);
        return constraint;
    }
}
