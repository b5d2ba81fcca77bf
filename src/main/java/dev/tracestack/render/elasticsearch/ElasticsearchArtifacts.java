package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every Elasticsearch artifact, by path under {@code elasticsearch/}; empty where Jaeger is off. */
public final class ElasticsearchArtifacts {

    public static final String ILM_POLICY = "elasticsearch/ilm-policy.json";
    public static final String SNAPSHOT_REPOSITORY = "elasticsearch/snapshot-repository.json";
    public static final String SLM_POLICY = "elasticsearch/slm-policy.json";
    public static final String NODE_CONFIG = "elasticsearch/node-config.json";

    private ElasticsearchArtifacts() {
    }

    public static Map<String, String> render(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!config.jaeger().enabled()) {
            return files;
        }
        files.put(ILM_POLICY, Artifacts.json(IlmPolicyRenderer.policy(config)));
        files.put(NODE_CONFIG, Artifacts.json(ClusterSpecRenderer.nodeConfig(config.elasticsearch())));
        if (config.elasticsearch().snapshots().enabled()) {
            files.put(SNAPSHOT_REPOSITORY, Artifacts.json(SlmPolicyRenderer.repository(config)));
            files.put(SLM_POLICY, Artifacts.json(SlmPolicyRenderer.policy(config)));
        }
        return files;
    }
}
