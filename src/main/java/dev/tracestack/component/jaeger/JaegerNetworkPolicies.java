package dev.tracestack.component.jaeger;

import static dev.tracestack.component.kubernetes.WorkloadPolicies.Rule;

import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.render.jaeger.JaegerRole;
import dev.tracestack.render.jaeger.RenderedJaeger;
import java.util.List;

/**
 * Pure builders of who may reach Jaeger. OTLP, the gRPC query API and metrics only from the stack's
 * namespace; sampling strategies and health from anywhere (SDKs and kubelets live elsewhere); the UI only
 * through the oauth2-proxy when it is on.
 */
final class JaegerNetworkPolicies {

    private JaegerNetworkPolicies() {
    }

    static NetworkPolicyArgs collector(RenderedJaeger jaeger) {
        JaegerRole role = jaeger.collector();
        return WorkloadPolicies.networkPolicy(role.service(), jaeger.namespace(), role.labels(), role.selector(),
                List.of(new Rule(role.ports("otlp-grpc", "otlp-http", "metrics"), sameNamespace(jaeger)),
                        new Rule(role.ports("sampling", "health"), List.of())));
    }

    static NetworkPolicyArgs query(RenderedJaeger jaeger) {
        JaegerRole role = jaeger.query();
        Rule ui = jaeger.settings().oauthProxy().enabled()
                ? new Rule(role.ports("http-ui"), List.of(WorkloadPolicies.pods(OAuthProxy.selector(jaeger))))
                : new Rule(role.ports("http-ui"), List.of());
        return WorkloadPolicies.networkPolicy(role.service(), jaeger.namespace(), role.labels(), role.selector(),
                List.of(ui,
                        new Rule(role.ports("grpc-query", "metrics"), sameNamespace(jaeger)),
                        new Rule(role.ports("health"), List.of())));
    }

    /** The proxy is the UI's way in: open to anyone who reaches it (the Ingress controller). */
    static NetworkPolicyArgs oauthProxy(RenderedJaeger jaeger) {
        return WorkloadPolicies.networkPolicy(RenderedJaeger.OAUTH_PROXY, jaeger.namespace(),
                OAuthProxy.labels(jaeger), OAuthProxy.selector(jaeger),
                List.of(new Rule(List.of(RenderedJaeger.OAUTH_PROXY_PORT), List.of())));
    }

    private static List<NetworkPolicyPeerArgs> sameNamespace(RenderedJaeger jaeger) {
        return List.of(WorkloadPolicies.namespace(jaeger.namespace()));
    }
}
