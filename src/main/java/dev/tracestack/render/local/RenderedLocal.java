package dev.tracestack.render.local;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.LocalImage;
import dev.tracestack.config.LocalSettings;
import dev.tracestack.config.Platform;
import dev.tracestack.config.Secret;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedPart;
import dev.tracestack.render.collector.RenderedTier;
import dev.tracestack.render.collector.SensitiveData;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole stack on one Docker engine, rendered with the local network's endpoints by the same renderers as
 * the cluster's parts: what the containers run, mount, publish and are sized to.
 *
 * @param prefix           the prefix of every container, network and volume name, {@code tracestack-<stack>}
 * @param settings         the engine, the bind address, the host ports and the credentials file
 * @param images           the image each container runs
 * @param collector        the collector's section: receiver ports and the memory it is limited to
 * @param collectorTier    the one collector tier (the gateway, which also exports)
 * @param sizes            the memory of Elasticsearch and Jaeger
 * @param rolloverSettings {@code jaeger-es-rollover}'s environment, as the cluster's init Job has it
 * @param urls             the URLs a developer uses, by stack output name
 * @param files            everything the containers mount, by artifact path
 */
public record RenderedLocal(String prefix, LocalSettings settings, Images images, CollectorSettings collector,
                            RenderedTier collectorTier, Sizes sizes, Map<String, String> rolloverSettings,
                            Map<String, String> urls, Map<String, String> files) implements RenderedPart {

    /**
     * @param elasticsearch the node's image
     * @param rollover      the index initialiser's image
     * @param jaeger        the image of Jaeger's single process
     * @param collector     the collector's image
     */
    public record Images(String elasticsearch, String rollover, String jaeger, String collector) {
    }

    /**
     * @param elasticsearchHeapMiB   the node's heap, bounded by the cloud stacks' rules to half its memory
     * @param elasticsearchMemoryMiB the node container's memory
     * @param jaegerMemoryMiB        the Jaeger container's memory, sized like the collector role
     */
    public record Sizes(int elasticsearchHeapMiB, int elasticsearchMemoryMiB, int jaegerMemoryMiB) {
    }

    public RenderedLocal {
        rolloverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(rolloverSettings));
        urls = Collections.unmodifiableMap(new LinkedHashMap<>(urls));
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static RenderedLocal of(StackConfig config, RenderedTier gateway) {
        LocalSettings local = config.local();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(gateway.tier().artifact(), gateway.configYaml());
        files.putAll(JaegerArtifacts.allInOne(config));
        files.putAll(ElasticsearchArtifacts.local(config));
        return new RenderedLocal("tracestack-" + config.stack(), local,
                new Images(local.image(LocalImage.ELASTICSEARCH, config), local.image(LocalImage.ROLLOVER, config),
                        local.image(LocalImage.JAEGER, config), config.collector().effectiveImage()),
                config.collector(), gateway,
                new Sizes(config.elasticsearch().heapMiB(), config.elasticsearch().resources().memoryMiB(),
                        config.jaeger().collector().resources().memoryMiB()),
                JaegerIndices.rolloverSettings(config), LocalUrls.of(config), files);
    }

    /** The key the collector hashes {@code hashAttributes} with, where the stack holds one (otherwise it deletes them). */
    public Optional<String> hashKey() {
        return SensitiveData.keyed(collector, Platform.DOCKER) ? collector.hashKey().flatMap(Secret::value)
                : Optional.empty();
    }

    public String jaegerConfig() {
        return files.get(JaegerArtifacts.ALL_IN_ONE_CONFIG);
    }

    public String samplingStrategies() {
        return files.get(JaegerArtifacts.STRATEGIES);
    }

    public String uiConfig() {
        return files.get(JaegerArtifacts.UI_CONFIG);
    }

    /** The body of the ILM policy Jaeger's indices roll over and expire by. */
    public String ilmPolicy() {
        return files.get(ElasticsearchArtifacts.ILM_POLICY_FILE);
    }

    /** The script the cluster's init Job runs too: waits for Elasticsearch, PUTs the policy. */
    public String initScript() {
        return files.get(ElasticsearchArtifacts.INIT_SCRIPT_FILE);
    }
}
