package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every Elasticsearch artifact, by path under {@code elasticsearch/}; empty where Jaeger is off. */
public final class ElasticsearchArtifacts {

    public static final String ILM_POLICY = "elasticsearch/ilm-policy.json";
    public static final String SNAPSHOT_REPOSITORY = "elasticsearch/snapshot-repository.json";
    public static final String SLM_POLICY = "elasticsearch/slm-policy.json";
    public static final String NODE_CONFIG = "elasticsearch/node-config.json";
    public static final String INIT_SCRIPT = "elasticsearch/init.sh";

    private ElasticsearchArtifacts() {
    }

    public static Map<String, String> render(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!config.jaeger().enabled()) {
            return files;
        }
        files.put(ILM_POLICY, Artifacts.json(IlmPolicyRenderer.policy(config)));
        if (config.platform() == Platform.KUBERNETES) {
            // ECK's node settings; the local stack's single container needs none of them.
            files.put(NODE_CONFIG, Artifacts.json(ClusterSpecRenderer.nodeConfig(config.elasticsearch())));
        }
        files.put(INIT_SCRIPT, initScript());
        if (config.elasticsearch().snapshots().enabled()) {
            files.put(SNAPSHOT_REPOSITORY, Artifacts.json(SlmPolicyRenderer.repository(config)));
            files.put(SLM_POLICY, Artifacts.json(SlmPolicyRenderer.policy(config)));
        }
        return files;
    }

    /** A fixed shell script (no JSON or YAML library applies); the bodies it PUTs are the JSON artifacts. */
    static String initScript() {
        try (InputStream in = ElasticsearchArtifacts.class.getResourceAsStream("/" + INIT_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(INIT_SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
