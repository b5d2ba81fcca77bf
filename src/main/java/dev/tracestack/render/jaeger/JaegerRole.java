package dev.tracestack.render.jaeger;

import dev.tracestack.config.JaegerSettings;
import dev.tracestack.render.Names;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Jaeger role as it runs on the cluster: its Service and Deployment name, the files its ConfigMap holds,
 * the ports it opens and the labels it carries.
 *
 * @param service    the Service and Deployment name, e.g. {@code jaeger-collector}
 * @param component  the role's {@code app.kubernetes.io/component}
 * @param files      the ConfigMap's files by name ({@code config.yaml} first)
 * @param ports      container ports by name, all exposed by the Service; the names are its target ports
 * @param labels     the role's labels
 * @param selector   the stable selector subset of the labels
 * @param settings   replicas and resources
 * @param esUser     the Elasticsearch user the role's storage extension signs in as
 * @param autoscaled whether an HPA owns the replica count (the Deployment then leaves it unset, so that
 *                   every update does not reset what the HPA scaled to)
 */
public record JaegerRole(String service, String component, Map<String, String> files, Map<String, Integer> ports,
                         Map<String, String> labels, Map<String, String> selector, JaegerSettings.Role settings,
                         ElasticsearchUsers.User esUser, boolean autoscaled) {

    public JaegerRole {
        files = new TreeMap<>(files);
        ports = new LinkedHashMap<>(ports);
    }

    /** The collector role: OTLP in, Elasticsearch out, sampling strategies for SDKs; scaled by an HPA. */
    static JaegerRole collector(JaegerSettings jaeger, String environment, String config, String strategies,
                                ElasticsearchUsers.User writer) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("otlp-grpc", Ports.OTLP_GRPC);
        ports.put("otlp-http", Ports.OTLP_HTTP);
        ports.put("sampling", Ports.JAEGER_REMOTE_SAMPLING);
        ports.put("health", Ports.HEALTH_CHECK);
        ports.put("metrics", Ports.COLLECTOR_METRICS);
        return of("collector", WellKnownNames.JAEGER_COLLECTOR_SERVICE, jaeger, environment, Map.of(
                JaegerConfigRenderer.CONFIG_FILE, config, JaegerConfigRenderer.STRATEGIES_FILE, strategies),
                ports, jaeger.collector(), writer, true);
    }

    /** The query role: the UI and the query API. */
    static JaegerRole query(JaegerSettings jaeger, String environment, String config, String uiConfig,
                            ElasticsearchUsers.User reader) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("http-ui", Ports.JAEGER_UI);
        ports.put("grpc-query", Ports.JAEGER_QUERY_GRPC);
        ports.put("health", Ports.HEALTH_CHECK);
        ports.put("metrics", Ports.COLLECTOR_METRICS);
        return of("query", WellKnownNames.JAEGER_QUERY_SERVICE, jaeger, environment, Map.of(
                JaegerConfigRenderer.CONFIG_FILE, config, JaegerConfigRenderer.UI_CONFIG_FILE, uiConfig),
                ports, jaeger.query(), reader, false);
    }

    private static JaegerRole of(String component, String service, JaegerSettings jaeger, String environment,
                                 Map<String, String> files, Map<String, Integer> ports, JaegerSettings.Role settings,
                                 ElasticsearchUsers.User esUser, boolean autoscaled) {
        return new JaegerRole(service, component, files, ports,
                Names.labels(RenderedJaeger.APP, component, environment, jaeger.version()),
                Names.selector(RenderedJaeger.APP, component, environment), settings, esUser, autoscaled);
    }

    /** The hash of the ConfigMap's files, on the pod template so a config change rolls the pods. */
    public String configHash() {
        return Names.configHash(files);
    }

    /** The ConfigMap's name carries the content hash. */
    public String configMapName() {
        return Names.hashed(service, configHash());
    }

    /** The numbers of the named ports. */
    public List<Integer> ports(String... names) {
        return Arrays.stream(names).map(ports::get).toList();
    }
}
