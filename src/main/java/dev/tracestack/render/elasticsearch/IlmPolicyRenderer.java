package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.ElasticsearchSettings.Rollover;
import dev.tracestack.config.StackConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ILM policy Jaeger's indices live by: roll the write index over in the hot phase at a primary shard
 * size or an age, delete it once it is older than the retention. The body is what
 * {@code PUT _ilm/policy/jaeger-ilm-policy} takes.
 */
public final class IlmPolicyRenderer {

    private IlmPolicyRenderer() {
    }

    public static Map<String, Object> policy(StackConfig config) {
        Rollover rollover = config.elasticsearch().rollover();
        Map<String, Object> rolloverAction = new LinkedHashMap<>();
        rolloverAction.put("max_primary_shard_size", rollover.maxPrimaryShardSizeGb() + "gb");
        rolloverAction.put("max_age", rollover.maxAgeDays() + "d");

        Map<String, Object> hot = new LinkedHashMap<>();
        hot.put("min_age", "0ms");
        hot.put("actions", Map.of(
                "rollover", rolloverAction,
                "set_priority", Map.of("priority", 100)));

        // min_age of the delete phase counts from the rollover, so an index lives at most retention + max_age.
        Map<String, Object> delete = new LinkedHashMap<>();
        delete.put("min_age", config.elasticsearchRetentionDays() + "d");
        delete.put("actions", Map.of("delete", Map.of()));

        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("hot", hot);
        phases.put("delete", delete);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("_meta", Map.of("managed_by", "tracestack", "environment", config.environment().id()));
        policy.put("phases", phases);
        return Map.of("policy", policy);
    }
}
