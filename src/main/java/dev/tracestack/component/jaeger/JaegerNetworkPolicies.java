package dev.tracestack.component.jaeger;

import static dev.tracestack.component.kubernetes.WorkloadPolicies.Rule;

import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;
import java.util.Map;

/**
 * Who may reach Jaeger. OTLP, the gRPC query API and metrics only from the stack's namespace; sampling
 * strategies and health from anywhere (SDKs and kubelets live elsewhere); the UI only through the
 * oauth2-proxy when it is on.
 */
final class JaegerNetworkPolicies {

    private JaegerNetworkPolicies() {
    }

    static void create(StackConfig config, Map<String, String> collectorLabels, Map<String, String> collectorSelector,
                       Map<String, String> queryLabels, Map<String, String> querySelector,
                       CustomResourceOptions options) {
        String namespace = config.kubernetes().namespace();
        var sameNamespace = List.of(WorkloadPolicies.namespace(namespace));
        Map<String, Integer> collector = Jaeger.collectorPorts();
        WorkloadPolicies.networkPolicy(WellKnownNames.JAEGER_COLLECTOR_SERVICE, namespace, collectorLabels,
                collectorSelector, List.of(
                        new Rule(Jaeger.values(collector, "otlp-grpc", "otlp-http", "metrics"), sameNamespace),
                        new Rule(Jaeger.values(collector, "sampling", "health"), List.of())),
                options);

        Map<String, Integer> query = Jaeger.queryPorts();
        String env = config.environment().id();
        Rule ui = config.jaeger().oauthProxy().enabled()
                ? new Rule(Jaeger.values(query, "http-ui"),
                        List.of(WorkloadPolicies.pods(Names.selector(Jaeger.NAME, "oauth2-proxy", env))))
                : new Rule(Jaeger.values(query, "http-ui"), List.of());
        WorkloadPolicies.networkPolicy(WellKnownNames.JAEGER_QUERY_SERVICE, namespace, queryLabels, querySelector,
                List.of(ui,
                        new Rule(Jaeger.values(query, "grpc-query", "metrics"), sameNamespace),
                        new Rule(Jaeger.values(query, "health"), List.of())),
                options);

        if (config.jaeger().oauthProxy().enabled()) {
            WorkloadPolicies.networkPolicy(OAuthProxyFactory.NAME, namespace,
                    Names.labels(Jaeger.NAME, "oauth2-proxy", env, config.jaeger().oauthProxy().version()),
                    Names.selector(Jaeger.NAME, "oauth2-proxy", env),
                    List.of(new Rule(List.of(OAuthProxyFactory.PORT), List.of())), options);
        }
    }
}
