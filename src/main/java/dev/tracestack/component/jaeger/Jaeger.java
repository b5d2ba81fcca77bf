package dev.tracestack.component.jaeger;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.config.JaegerSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.PlatformEndpoints;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jaeger v2 on Kubernetes: a collector role (OTLP in, Elasticsearch out, sampling strategies for SDKs)
 * and a query role (UI and API) that scale separately, the oauth2-proxy in front of the UI, an optional
 * Ingress, and the daily dependency-graph job.
 */
public final class Jaeger extends ComponentResource {

    public static final String TYPE = "tracestack:jaeger:Jaeger";
    static final String NAME = "jaeger";

    /** The collector role's Service; the tracestack collector's {@code otlp_grpc/jaeger} exporter targets it. */
    public final Service collectorService;
    public final Service queryService;
    public final Deployment collector;
    public final Deployment query;
    /** {@code host:port} of the collector role's OTLP gRPC receiver, as the collector's exporter has it. */
    public final Output<String> collectorOtlpEndpoint;

    /**
     * @param config        the validated stack config (Jaeger enabled)
     * @param rendered      the rendered artifacts, of which this reads {@code jaeger/*}
     * @param indicesReady  what has created Jaeger's indices and aliases; both roles start after it
     */
    public record Args(StackConfig config, RenderedStack rendered, Resource indicesReady) {
    }

    public Jaeger(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        StackConfig config = args.config();
        JaegerSettings jaeger = config.jaeger();
        String namespace = config.kubernetes().namespace();
        String env = config.environment().id();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        var collectorRole = role(config, "collector", WellKnownNames.JAEGER_COLLECTOR_SERVICE, Map.of(
                JaegerConfigRenderer.CONFIG_FILE, args.rendered().file(JaegerArtifacts.COLLECTOR_CONFIG),
                JaegerConfigRenderer.STRATEGIES_FILE, args.rendered().file(JaegerArtifacts.STRATEGIES)),
                collectorPorts(), jaeger.collector(), true);
        var queryRole = role(config, "query", WellKnownNames.JAEGER_QUERY_SERVICE, Map.of(
                JaegerConfigRenderer.CONFIG_FILE, args.rendered().file(JaegerArtifacts.QUERY_CONFIG),
                JaegerConfigRenderer.UI_CONFIG_FILE, args.rendered().file(JaegerArtifacts.UI_CONFIG)),
                queryPorts(), jaeger.query(), false);

        CustomResourceOptions afterIndices = CustomResourceOptions.builder().parent(this)
                .dependsOn(args.indicesReady()).build();
        this.collector = JaegerRoleFactory.deployment(collectorRole,
                JaegerRoleFactory.configMap(collectorRole, namespace, child), namespace, jaeger.image(), afterIndices);
        this.collectorService = JaegerRoleFactory.service(collectorRole, namespace, child);
        this.query = JaegerRoleFactory.deployment(queryRole,
                JaegerRoleFactory.configMap(queryRole, namespace, child), namespace, jaeger.image(), afterIndices);
        this.queryService = JaegerRoleFactory.service(queryRole, namespace, child);

        WorkloadPolicies.hpa(collectorRole.service(), namespace, collectorRole.labels(),
                jaeger.collector().replicas(), jaeger.collector().maxReplicas(), child);
        WorkloadPolicies.pdb(collectorRole.service(), namespace, collectorRole.labels(), collectorRole.selector(),
                child);
        WorkloadPolicies.pdb(queryRole.service(), namespace, queryRole.labels(), queryRole.selector(), child);
        JaegerNetworkPolicies.create(config, collectorRole.labels(), collectorRole.selector(), queryRole.labels(),
                queryRole.selector(), child);

        if (jaeger.oauthProxy().enabled()) {
            Map<String, String> labels = Names.labels(NAME, "oauth2-proxy", env, jaeger.oauthProxy().version());
            Map<String, String> selector = Names.selector(NAME, "oauth2-proxy", env);
            var secret = OAuthProxyFactory.secret(jaeger.oauthProxy(), namespace, labels, child);
            CustomResourceOptions afterSecret = secret.<CustomResourceOptions>map(s ->
                    CustomResourceOptions.builder().parent(this).dependsOn(s).build()).orElse(child);
            OAuthProxyFactory.deployment(config, labels, selector, afterSecret);
            OAuthProxyFactory.service(namespace, labels, selector, child);
        }
        jaeger.ingressHost().ifPresent(host -> UiIngressFactory.ingress(config, host,
                Names.labels(NAME, "ui", env, jaeger.version()), child));
        DependenciesJobFactory.cronJob(config,
                Names.labels(NAME, "spark-dependencies", env, jaeger.dependencies().version()), child);

        this.collectorOtlpEndpoint = Output.of(PlatformEndpoints.of(config).jaegerOtlp());
        registerOutputs(Map.of(
                "collectorOtlpEndpoint", collectorOtlpEndpoint,
                "queryService", Output.of(WellKnownNames.JAEGER_QUERY_SERVICE)));
    }

    private static JaegerRoleFactory.Role role(StackConfig config, String component, String service,
                                               Map<String, String> files, Map<String, Integer> ports,
                                               JaegerSettings.Role settings, boolean autoscaled) {
        String env = config.environment().id();
        return new JaegerRoleFactory.Role(service, files, ports,
                Names.labels(NAME, component, env, config.jaeger().version()),
                Names.selector(NAME, component, env), settings, autoscaled);
    }

    /** Port names double as the Service's target ports. */
    static Map<String, Integer> collectorPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("otlp-grpc", Ports.OTLP_GRPC);
        ports.put("otlp-http", Ports.OTLP_HTTP);
        ports.put("sampling", Ports.JAEGER_REMOTE_SAMPLING);
        ports.put("health", Ports.HEALTH_CHECK);
        ports.put("metrics", Ports.COLLECTOR_METRICS);
        return ports;
    }

    static Map<String, Integer> queryPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("http-ui", Ports.JAEGER_UI);
        ports.put("grpc-query", Ports.JAEGER_QUERY_GRPC);
        ports.put("health", Ports.HEALTH_CHECK);
        ports.put("metrics", Ports.COLLECTOR_METRICS);
        return ports;
    }

    static List<Integer> values(Map<String, Integer> ports, String... names) {
        return Arrays.stream(names).map(ports::get).toList();
    }
}
