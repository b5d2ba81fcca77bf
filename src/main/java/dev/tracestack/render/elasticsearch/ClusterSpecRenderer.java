package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of the ECK {@code Elasticsearch} resource: one node set holding every role, sized per
 * environment, with seed 000's node-level tuning where ES 8 still honours it and zone awareness where
 * the environment asks for it.
 */
public final class ClusterSpecRenderer {

    public static final String NODE_SET = "default";
    /** The Kubernetes ServiceAccount of the nodes: the subject of the snapshot bucket's Workload Identity. */
    public static final String SERVICE_ACCOUNT = "jaeger-es";
    /** ECK copies these node labels into pod annotations, from where the downward API reads them. */
    public static final String DOWNWARD_NODE_LABELS = "eck.k8s.elastic.co/downward-node-labels";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private ClusterSpecRenderer() {
    }

    public static Map<String, Object> spec(StackConfig config, Map<String, String> podLabels) {
        ElasticsearchSettings es = config.elasticsearch();
        Map<String, Object> nodeSet = new LinkedHashMap<>();
        nodeSet.put("name", NODE_SET);
        nodeSet.put("count", es.nodes());
        nodeSet.put("config", nodeConfig(es));
        nodeSet.put("podTemplate", podTemplate(es, podLabels));
        nodeSet.put("volumeClaimTemplates", List.of(Map.of(
                "metadata", Map.of("name", "elasticsearch-data"),
                "spec", Map.of(
                        "accessModes", List.of("ReadWriteOnce"),
                        "storageClassName", es.storageClass(),
                        "resources", Map.of("requests", Map.of("storage", es.volumeSizeGi() + "Gi"))))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", es.version());
        spec.put("nodeSets", List.of(nodeSet));
        return spec;
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

    private static Map<String, Object> podTemplate(ElasticsearchSettings es, Map<String, String> podLabels) {
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(Map.of("name", "ES_JAVA_OPTS", "value", "-Xms" + es.heapMiB() + "m -Xmx" + es.heapMiB() + "m"));
        if (es.zoneAwareness()) {
            env.add(Map.of("name", "ZONE", "valueFrom", Map.of("fieldRef",
                    Map.of("fieldPath", "metadata.annotations['" + ZONE_LABEL + "']"))));
        }
        Map<String, Object> resources = Map.of(
                "requests", es.resources().quantities(), "limits", es.resources().quantities());
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("serviceAccountName", SERVICE_ACCOUNT);
        podSpec.put("containers", List.of(Map.of("name", "elasticsearch", "env", env, "resources", resources)));
        if (es.zoneAwareness()) {
            podSpec.put("topologySpreadConstraints", List.of(Map.of(
                    "maxSkew", 1,
                    "topologyKey", ZONE_LABEL,
                    "whenUnsatisfiable", "DoNotSchedule",
                    "labelSelector", Map.of("matchLabels", Map.of(
                            "elasticsearch.k8s.elastic.co/cluster-name", WellKnownNames.ELASTICSEARCH_CLUSTER,
                            "elasticsearch.k8s.elastic.co/statefulset-name",
                            WellKnownNames.ELASTICSEARCH_CLUSTER + "-es-" + NODE_SET)))));
        }
        return Map.of("metadata", Map.of("labels", podLabels), "spec", podSpec);
    }
}
