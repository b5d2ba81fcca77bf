package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Elasticsearch's artifacts, by path under {@code elasticsearch/}: the cluster's, or the local stack's. */
public final class ElasticsearchArtifacts {

    public static final String ILM_POLICY_FILE = "elasticsearch/ilm-policy.json";
    public static final String SNAPSHOT_REPOSITORY_FILE = "elasticsearch/snapshot-repository.json";
    public static final String SLM_POLICY_FILE = "elasticsearch/slm-policy.json";
    public static final String NODE_CONFIG_FILE = "elasticsearch/node-config.json";
    public static final String INIT_SCRIPT_FILE = "elasticsearch/init.sh";

    private ElasticsearchArtifacts() {
    }

    /** The cluster's artifacts: the ILM policy, ECK's node settings, the init script, and snapshots where on. */
    public static Map<String, String> cluster(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ILM_POLICY_FILE, Artifacts.json(IlmPolicyRenderer.policy(config)));
        files.put(NODE_CONFIG_FILE, Artifacts.json(ClusterSpecRenderer.nodeConfig(config.elasticsearch())));
        files.put(INIT_SCRIPT_FILE, initScript());
        if (config.elasticsearch().snapshots().enabled()) {
            files.put(SNAPSHOT_REPOSITORY_FILE, Artifacts.json(SlmPolicyRenderer.repository(config)));
            files.put(SLM_POLICY_FILE, Artifacts.json(SlmPolicyRenderer.policy(config)));
        }
        return files;
    }

    /** The local stack's single node needs only the ILM policy and the script that installs it. */
    public static Map<String, String> local(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ILM_POLICY_FILE, Artifacts.json(IlmPolicyRenderer.policy(config)));
        files.put(INIT_SCRIPT_FILE, initScript());
        return files;
    }

    /** A fixed shell script (no JSON or YAML library applies); the bodies it PUTs are the JSON artifacts. */
    static String initScript() {
        try (InputStream in = ElasticsearchArtifacts.class.getResourceAsStream("/" + INIT_SCRIPT_FILE)) {
            if (in == null) {
                throw new IllegalStateException(INIT_SCRIPT_FILE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
