package dev.tracestack.component.collector;

import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.*;
import dev.tracestack.component.kubernetes.NetworkRules;
import dev.tracestack.render.collector.CollectorPort;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Pure builders of a tier's Services and NetworkPolicy. */
final class CollectorNetwork {

    static final String NAMESPACE_LABEL = NetworkRules.NAMESPACE_LABEL;

    private CollectorNetwork() {
    }

    /** The Service applications send to: the gateway's receiver ports, by name. */
    static ServiceArgs service(CollectorTierSpec spec) {
        return ServiceArgs.builder()
                .metadata(spec.metadata(WellKnownNames.COLLECTOR_SERVICE))
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(spec.selector())
                        .ports(ports(spec, CollectorPort::receiver)).build())
                .build();
    }

    /** One DNS record per ready pod: the load-balancing resolver's and the StatefulSet's view of a tier. */
    static ServiceArgs headless(CollectorTierSpec spec) {
        return ServiceArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(ServiceSpecArgs.builder().clusterIP("None").selector(spec.selector())
                        .ports(ports(spec, p -> p.name().equals(CollectorPort.OTLP_GRPC)
                                || p.name().equals(CollectorPort.METRICS))).build())
                .build();
    }

    private static List<ServicePortArgs> ports(CollectorTierSpec spec, Predicate<CollectorPort> which) {
        return spec.ports().stream().filter(which).map(p -> ServicePortArgs.builder()
                .name(p.name()).port(p.port()).targetPort(p.name()).protocol("TCP").appProtocol(p.appProtocol())
                .build()).toList();
    }

    /**
     * Ingress: receivers from the allowed namespaces (the sampler: OTLP from the gateway only) and
     * metrics only from the scraper's namespace. Egress: DNS, the sampler tier, Jaeger's collector role,
     * the metadata servers and Google APIs on 443 (NetworkPolicy cannot name hosts).
     */
    static NetworkPolicyArgs networkPolicy(CollectorTierSpec spec) {
        List<NetworkPolicyIngressRuleArgs> ingress = new ArrayList<>();
        List<NetworkPolicyPortArgs> receivers = spec.ports().stream().filter(CollectorPort::receiver)
                .map(p -> port(p.port(), "TCP")).toList();
        if (spec.tier().role() == CollectorTier.Role.GATEWAY) {
            List<String> namespaces = new ArrayList<>(List.of(spec.namespace()));
            spec.settings().allowedNamespaces().stream().filter(n -> !namespaces.contains(n)).forEach(namespaces::add);
            ingress.add(NetworkPolicyIngressRuleArgs.builder().ports(receivers).from(NetworkPolicyPeerArgs.builder()
                    .namespaceSelector(LabelSelectorArgs.builder().matchExpressions(LabelSelectorRequirementArgs
                            .builder().key(NAMESPACE_LABEL).operator("In").values(namespaces).build()).build())
                    .build()).build());
        } else {
            ingress.add(NetworkPolicyIngressRuleArgs.builder().ports(receivers).from(NetworkPolicyPeerArgs.builder()
                    .podSelector(LabelSelectorArgs.builder().matchLabels(gatewaySelector(spec)).build())
                    .build()).build());
        }
        ingress.add(NetworkPolicyIngressRuleArgs.builder().ports(port(Ports.COLLECTOR_METRICS, "TCP"))
                .from(NetworkRules.namespace(NetworkRules.SCRAPER_NAMESPACE)).build());

        List<NetworkPolicyEgressRuleArgs> egress = new ArrayList<>();
        egress.add(NetworkRules.dns());
        if (spec.tier().role() == CollectorTier.Role.GATEWAY && !spec.tier().exportsTraces()) {
            egress.add(NetworkPolicyEgressRuleArgs.builder().ports(port(spec.settings().ports().otlpGrpc(), "TCP"))
                    .to(NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder()
                            .matchLabels(samplerSelector(spec)).build()).build())
                    .build());
        }
        if (spec.tier().exportsTraces() && spec.collector().exportsToJaeger()) {
            egress.add(NetworkPolicyEgressRuleArgs.builder().ports(port(Ports.OTLP_GRPC, "TCP"))
                    .to(NetworkRules.pods(Map.of("app.kubernetes.io/name", RenderedJaeger.APP,
                            "app.kubernetes.io/component", "collector")))
                    .build());
        }
        egress.add(NetworkRules.metadataServer());
        egress.add(NetworkRules.googleApis(spec.collector().googleApisCidrs()));

        return NetworkPolicyArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(spec.labelSelector())
                        .policyTypes("Ingress", "Egress")
                        .ingress(ingress)
                        .egress(egress)
                        .build())
                .build();
    }

    private static Map<String, String> gatewaySelector(CollectorTierSpec spec) {
        return spec.selectorOf(CollectorTier.Role.GATEWAY);
    }

    private static Map<String, String> samplerSelector(CollectorTierSpec spec) {
        return spec.selectorOf(CollectorTier.Role.SAMPLER);
    }

    private static NetworkPolicyPortArgs port(int port, String protocol) {
        return NetworkPolicyPortArgs.builder().port(port).protocol(protocol).build();
    }
}
