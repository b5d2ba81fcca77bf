package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.SnapshotSettings;
import dev.tracestack.config.StackConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot repository on GCS and the SLM policy that fills it: the bodies of
 * {@code PUT _snapshot/jaeger-gcs} and {@code PUT _slm/policy/jaeger-nightly-snapshots}.
 */
public final class SlmPolicyRenderer {

    private SlmPolicyRenderer() {
    }

    /** The bucket of an environment's snapshots; bucket names are global, so the project is part of it. */
    public static String bucketName(StackConfig config) {
        return config.gcp().project() + "-jaeger-snapshots";
    }

    public static Map<String, Object> repository(StackConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bucket", bucketName(config));
        settings.put("base_path", JaegerIndices.indexPrefix(config));
        return Map.of("type", "gcs", "settings", settings);
    }

    public static Map<String, Object> policy(StackConfig config) {
        SnapshotSettings snapshots = config.elasticsearch().snapshots();
        String prefix = JaegerIndices.indexPrefix(config);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", snapshots.schedule());
        body.put("name", "<" + prefix + "-jaeger-snap-{now/d}>");
        body.put("repository", JaegerIndices.SNAPSHOT_REPOSITORY_NAME);
        Map<String, Object> snapshotConfig = new LinkedHashMap<>();
        snapshotConfig.put("indices", List.of(prefix + "-jaeger-*"));
        snapshotConfig.put("ignore_unavailable", true);
        snapshotConfig.put("include_global_state", false);
        body.put("config", snapshotConfig);
        Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("expire_after", snapshots.expireAfterDays() + "d");
        retention.put("min_count", snapshots.minCount());
        retention.put("max_count", snapshots.maxCount());
        body.put("retention", retention);
        return body;
    }
}
