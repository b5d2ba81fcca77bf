package dev.tracestack.component.jaeger;

import static dev.tracestack.component.kubernetes.WorkloadPolicies.Rule;

import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import dev.tracestack.component.kubernetes.NetworkRules;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.render.jaeger.JaegerRole;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of who may reach Jaeger and what Jaeger may reach, under the namespace's default deny. OTLP only
 * from the stack's collector; sampling strategies from anywhere (SDKs live in other namespaces); metrics only
 * from the scraper; the UI only through the oauth2-proxy when it is on, and the proxy only from Google's load
 * balancers; the query role's gRPC API from nothing (it needs no login, so it would bypass the proxy). Every
 * role sends only to DNS and Elasticsearch; the proxy also to the UI and Google's sign-in. Health ports need
 * no rule: traffic from a pod's own node (the kubelet's probes) is always allowed.
 */
final class JaegerNetworkPolicies {

    private JaegerNetworkPolicies() {
    }

    static NetworkPolicyArgs collector(RenderedJaeger jaeger) {
        JaegerRole role = jaeger.collector();
        return WorkloadPolicies.networkPolicy(role.service(), jaeger.namespace(), role.labels(), role.selector(),
                List.of(new Rule(role.ports("otlp-grpc", "otlp-http"), List.of(collectorPods())),
                        new Rule(role.ports("sampling"), List.of()),
                        new Rule(role.ports("metrics"), List.of(scraper()))),
                toElasticsearch());
    }

    static NetworkPolicyArgs query(RenderedJaeger jaeger) {
        JaegerRole role = jaeger.query();
        List<NetworkPolicyPeerArgs> ui = jaeger.settings().oauthProxy().enabled()
                ? List.of(NetworkRules.pods(OAuthProxy.selector(jaeger)))
                : loadBalancers();
        return WorkloadPolicies.networkPolicy(role.service(), jaeger.namespace(), role.labels(), role.selector(),
                List.of(new Rule(role.ports("http-ui"), ui), new Rule(role.ports("metrics"), List.of(scraper()))),
                toElasticsearch());
    }

    /** The proxy keeps the wide 443 rule: it also reaches accounts.google.com, not a googleapis.com name. */
    static NetworkPolicyArgs oauthProxy(RenderedJaeger jaeger) {
        return WorkloadPolicies.networkPolicy(RenderedJaeger.OAUTH_PROXY, jaeger.namespace(),
                OAuthProxy.labels(jaeger), OAuthProxy.selector(jaeger),
                List.of(new Rule(List.of(RenderedJaeger.OAUTH_PROXY_PORT), loadBalancers())),
                List.of(NetworkRules.dns(),
                        NetworkPolicyEgressRuleArgs.builder().ports(NetworkRules.tcp(Ports.JAEGER_UI))
                                .to(NetworkRules.pods(jaeger.query().selector())).build(),
                        NetworkRules.googleApis()));
    }

    /** The dependencies job receives nothing and sends only to DNS and Elasticsearch. */
    static NetworkPolicyArgs dependencies(RenderedJaeger jaeger) {
        Map<String, String> labels = DependenciesCronJob.labels(jaeger);
        return WorkloadPolicies.networkPolicy(RenderedJaeger.SPARK_DEPENDENCIES, jaeger.namespace(), labels,
                jaeger.selector(DependenciesCronJob.COMPONENT), List.of(), toElasticsearch());
    }

    private static List<NetworkPolicyEgressRuleArgs> toElasticsearch() {
        return List.of(NetworkRules.dns(), NetworkRules.elasticsearch(PodSpecs.ES_NODES));
    }

    /** The stack's collector pods, every tier. */
    private static NetworkPolicyPeerArgs collectorPods() {
        return NetworkRules.pods(Map.of("app.kubernetes.io/name", WellKnownNames.COLLECTOR_SERVICE));
    }

    private static NetworkPolicyPeerArgs scraper() {
        return NetworkRules.namespace(NetworkRules.SCRAPER_NAMESPACE);
    }

    private static List<NetworkPolicyPeerArgs> loadBalancers() {
        return NetworkRules.GOOGLE_LOAD_BALANCERS.stream().map(NetworkRules::ipBlock).toList();
    }
}
