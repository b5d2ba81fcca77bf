package dev.tracestack.render.jaeger;

import dev.tracestack.config.JaegerSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.ConfigMapLimit;
import dev.tracestack.render.Names;
import dev.tracestack.render.PlatformEndpoints;
import dev.tracestack.render.RenderedPart;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jaeger v2 on the cluster, rendered: the collector and query roles with their configs, and what the
 * oauth2-proxy, the UI's Ingress and the dependencies job are built from.
 *
 * @param namespace        the namespace Jaeger runs in
 * @param environment      the environment, in labels
 * @param settings         Jaeger's section: version, proxy, Ingress host, UI path, dependencies job
 * @param collector        the collector role
 * @param query            the query role
 * @param indexPrefix      the prefix of Jaeger's indices, which the dependencies job reads too
 * @param elasticsearchUrl the storage's URL
 * @param collectorOtlpEndpoint {@code host:port} of the collector role's OTLP gRPC receiver, as the
 *                         tracestack collector's exporter has it
 * @param esUsers          the environment's Elasticsearch users (the roles', the dependencies job's)
 */
public record RenderedJaeger(String namespace, String environment, JaegerSettings settings, JaegerRole collector,
                             JaegerRole query, String indexPrefix, String elasticsearchUrl,
                             String collectorOtlpEndpoint, ElasticsearchUsers.Users esUsers) implements RenderedPart {

    /** The {@code app.kubernetes.io/name} of everything Jaeger runs. */
    public static final String APP = "jaeger";
    /** The proxy's Deployment and Service, and the Secret it reads (created out of band where the stack holds no secrets). */
    public static final String OAUTH_PROXY = "jaeger-oauth2-proxy";
    public static final int OAUTH_PROXY_PORT = 4180;
    public static final String UI_INGRESS = "jaeger-ui";
    public static final String SPARK_DEPENDENCIES = "jaeger-spark-dependencies";
    private static final String SPARK_IMAGE = "ghcr.io/jaegertracing/spark-dependencies/spark-dependencies:";
    /**
     * Since 0.6 spark-dependencies publishes one image per storage, tagged {@code <release>-<variant>}
     * (jaegertracing/spark-dependencies, .github/workflows/ci-cd.yml at v0.7.0); a bare release tag is not
     * pushed. The {@code elasticsearch8} variant carries the ES 8 connector and reads ES 7.17 to 8.x, which
     * the Elasticsearch version rule (8.x only) guarantees. The variant also selects the job's main class,
     * so the image needs no {@code STORAGE} variable.
     */
    public static final String ES8_VARIANT = "-elasticsearch8";

    public static RenderedJaeger of(StackConfig config) {
        JaegerSettings jaeger = config.jaeger();
        String environment = config.environment().id();
        String strategies = JaegerArtifacts.strategies(config);
        String uiConfig = JaegerArtifacts.uiConfig(config);
        ElasticsearchUsers.Users users = ElasticsearchUsers.of(JaegerIndices.indexPrefix(config));
        JaegerRole collector = JaegerRole.collector(jaeger, environment,
                Artifacts.yaml(JaegerConfigRenderer.collector(config)), strategies, users.writer());
        ConfigMapLimit.require(config, collector.service(), collector.files());
        return new RenderedJaeger(config.kubernetes().namespace(), environment, jaeger, collector,
                JaegerRole.query(jaeger, environment, Artifacts.yaml(JaegerConfigRenderer.query(config)),
                        uiConfig, users.reader()),
                JaegerIndices.indexPrefix(config), JaegerIndices.url(config.kubernetes().namespace()),
                PlatformEndpoints.of(config).jaegerOtlp(), users);
    }

    @Override
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JaegerArtifacts.COLLECTOR_CONFIG, collector.files().get(JaegerConfigRenderer.CONFIG_FILE));
        files.put(JaegerArtifacts.QUERY_CONFIG, query.files().get(JaegerConfigRenderer.CONFIG_FILE));
        files.put(JaegerArtifacts.STRATEGIES, collector.files().get(JaegerConfigRenderer.STRATEGIES_FILE));
        files.put(JaegerArtifacts.UI_CONFIG, query.files().get(JaegerConfigRenderer.UI_CONFIG_FILE));
        return files;
    }

    /** The labels of one of Jaeger's components at the version it runs. */
    public Map<String, String> labels(String component, String version) {
        return Names.labels(APP, component, environment, version);
    }

    /** The stable selector of one of Jaeger's components. */
    public Map<String, String> selector(String component) {
        return Names.selector(APP, component, environment);
    }

    /** The pinned dependencies release's Elasticsearch 8 image. */
    public String sparkImage() {
        return SPARK_IMAGE + settings.dependencies().version() + ES8_VARIANT;
    }
}
