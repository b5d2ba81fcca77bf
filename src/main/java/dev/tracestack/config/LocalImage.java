package dev.tracestack.config;

import java.util.function.Function;

/**
 * The images of the local stack's containers besides the collector (whose image every platform shares,
 * {@code tracestack:collector.image}). By default each follows the version the cloud stacks pin
 * ({@code tracestack:jaeger.version}, {@code tracestack:elasticsearch.version}), so local runs what
 * stage and prod run; {@code tracestack:local.images.<key>} overrides one, e.g. with a registry mirror,
 * and must be pinned too.
 */
public enum LocalImage {
    ELASTICSEARCH("elasticsearch", c -> "docker.elastic.co/elasticsearch/elasticsearch:" + c.elasticsearch().version()),
    JAEGER("jaeger", c -> c.jaeger().image()),
    /** The ILM-aware index initialiser, as the cluster's Job runs it. */
    ROLLOVER("rollover", c -> c.jaeger().rolloverImage());

    private final String key;
    private final Function<StackConfig, String> defaultImage;

    LocalImage(String key, Function<StackConfig, String> defaultImage) {
        this.key = key;
        this.defaultImage = defaultImage;
    }

    /** The field name under {@code tracestack:local.images}. */
    public String key() {
        return key;
    }

    public String defaultImage(StackConfig config) {
        return defaultImage.apply(config);
    }
}
