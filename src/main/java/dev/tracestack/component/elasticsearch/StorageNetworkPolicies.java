package dev.tracestack.component.elasticsearch;

import static dev.tracestack.component.kubernetes.WorkloadPolicies.Rule;

import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import dev.tracestack.component.kubernetes.NetworkRules;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of the storage's NetworkPolicies under the namespace's default deny. The nodes take HTTP only from
 * the pods labelled as Elasticsearch clients and from the operator, transport only from each other; they send
 * transport to each other and, where snapshots are on, to Google Cloud Storage as their Workload Identity. The
 * init Job receives nothing and sends only to DNS and the nodes.
 */
final class StorageNetworkPolicies {

    private StorageNetworkPolicies() {
    }

    static NetworkPolicyArgs nodes(RenderedElasticsearch es) {
        List<NetworkPolicyEgressRuleArgs> egress = new ArrayList<>(List.of(NetworkRules.dns(),
                NetworkPolicyEgressRuleArgs.builder().ports(NetworkRules.tcp(Ports.ELASTICSEARCH_TRANSPORT))
                        .to(NetworkRules.pods(PodSpecs.ES_NODES)).build()));
        if (es.snapshots().isPresent()) {
            egress.add(NetworkRules.metadataServer());
            egress.add(NetworkRules.googleApis(es.googleApisCidrs()));
        }
        return WorkloadPolicies.networkPolicy(WellKnownNames.ELASTICSEARCH_CLUSTER, es.namespace(),
                es.labels("storage"), PodSpecs.ES_NODES, List.of(
                        new Rule(List.of(Ports.ELASTICSEARCH_HTTP), List.of(
                                NetworkRules.pods(Map.of(PodSpecs.ES_CLIENT_LABEL, "true")),
                                NetworkRules.namespace(Elasticsearch.OPERATOR_NAMESPACE))),
                        new Rule(List.of(Ports.ELASTICSEARCH_TRANSPORT), List.of(NetworkRules.pods(PodSpecs.ES_NODES)))),
                egress);
    }

    static NetworkPolicyArgs initJob(RenderedElasticsearch es) {
        return WorkloadPolicies.networkPolicy(RenderedElasticsearch.IlmInit.NAME, es.namespace(), IlmInitJob.labels(es),
                es.selector(IlmInitJob.COMPONENT),
                List.of(), List.of(NetworkRules.dns(), NetworkRules.elasticsearch(PodSpecs.ES_NODES)));
    }
}
