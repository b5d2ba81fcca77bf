package dev.tracestack.config;

/**
 * The images only the local stack runs ({@code tracestack:local.images.<key>}), each pinned to a version
 * by default; an override must be pinned too. The collector's image is the one every platform runs
 * ({@code tracestack:collector.image}).
 */
public enum LocalImage {
    JAEGER("jaeger", "jaegertracing/jaeger:2.19.0"),
    ELASTICSEARCH("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:8.19.0"),
    ROLLOVER("rollover", "jaegertracing/jaeger-es-rollover:1.72.0");

    private final String key;
    private final String defaultImage;

    LocalImage(String key, String defaultImage) {
        this.key = key;
        this.defaultImage = defaultImage;
    }

    /** The field name under {@code tracestack:local.images}. */
    public String key() {
        return key;
    }

    public String defaultImage() {
        return defaultImage;
    }
}
