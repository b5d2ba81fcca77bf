package dev.tracestack.render.collector;

import dev.tracestack.render.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One collector tier as rendered: what it does and the configuration file it runs with.
 *
 * @param tier       the tier
 * @param configYaml its collector configuration ({@code collector/<tier>.yaml})
 */
public record RenderedTier(CollectorTier tier, String configYaml) {

    /** The file name the configuration is mounted under. */
    public static final String CONFIG_FILE = "collector.yaml";

    /** The hash of the mounted configuration, on the pod template and in the ConfigMap's name. */
    public String configHash() {
        return Names.configHash(Map.of(CONFIG_FILE, configYaml));
    }

    /** The ConfigMap's name carries the content hash: a new config is a new object, never an in-place edit. */
    public String configMapName() {
        return Names.hashed(tier.workload(), configHash());
    }

    /** The tiers' configurations by artifact path, in tier order. */
    public static Map<String, String> files(List<RenderedTier> tiers) {
        Map<String, String> files = new LinkedHashMap<>();
        tiers.forEach(t -> files.put(t.tier().artifact(), t.configYaml()));
        return files;
    }
}
