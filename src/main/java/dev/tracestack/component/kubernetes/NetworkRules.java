package dev.tracestack.component.kubernetes;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import dev.tracestack.wire.Ports;
import java.util.List;
import java.util.Map;

/**
 * The peers and egress rules every workload's NetworkPolicy picks from, under the namespace's default deny: DNS,
 * Elasticsearch, Google APIs, the GKE metadata server, the scraper and Google's load balancers.
 */
public final class NetworkRules {

    /** The well-known label Kubernetes puts on every namespace. */
    public static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    /** Google Cloud Managed Service for Prometheus runs its scraping collectors here. */
    public static final String SCRAPER_NAMESPACE = "gmp-system";
    /** Where Google's external HTTP(S) load balancers and their health checks connect from. */
    public static final List<String> GOOGLE_LOAD_BALANCERS = List.of("130.211.0.0/22", "35.191.0.0/16");
    /** GKE's metadata server, which answers Workload Identity's token requests (988), and the VM's (80). */
    public static final String GKE_METADATA = "169.254.169.252/32";
    public static final String METADATA = "169.254.169.254/32";
    /**
     * Google APIs by address: NetworkPolicy cannot name hosts, so 443 to anything outside the private ranges
     * (nothing inside the VPC is reached this way), unless {@code kubernetes.googleApisCidrs} narrows it.
     */
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private NetworkRules() {
    }

    /** Pods carrying all of these labels, in the same namespace. */
    public static NetworkPolicyPeerArgs pods(Map<String, String> labels) {
        return NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder().matchLabels(labels).build())
                .build();
    }

    /** Every pod of a namespace. */
    public static NetworkPolicyPeerArgs namespace(String name) {
        return NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder()
                .matchLabels(Map.of(NAMESPACE_LABEL, name)).build()).build();
    }

    public static NetworkPolicyPeerArgs ipBlock(String cidr) {
        return NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(cidr).build()).build();
    }

    public static NetworkPolicyPortArgs tcp(int port) {
        return NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build();
    }

    /** Name resolution, from kube-dns in any namespace (on GKE: kube-system). */
    public static NetworkPolicyEgressRuleArgs dns() {
        return NetworkPolicyEgressRuleArgs.builder()
                .ports(NetworkPolicyPortArgs.builder().protocol("UDP").port(53).build(), tcp(53))
                .to(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder().build()).build())
                .build();
    }

    /** Elasticsearch's HTTP port on the stack's cluster nodes. */
    public static NetworkPolicyEgressRuleArgs elasticsearch(Map<String, String> nodes) {
        return NetworkPolicyEgressRuleArgs.builder().ports(tcp(Ports.ELASTICSEARCH_HTTP)).to(pods(nodes)).build();
    }

    /** Workload Identity's tokens. */
    public static NetworkPolicyEgressRuleArgs metadataServer() {
        return NetworkPolicyEgressRuleArgs.builder().ports(tcp(988), tcp(80))
                .to(ipBlock(GKE_METADATA), ipBlock(METADATA)).build();
    }

    /** HTTPS to addresses outside the private ranges: Google APIs (and, for the proxy, Google's sign-in). */
    public static NetworkPolicyEgressRuleArgs googleApis() {
        return NetworkPolicyEgressRuleArgs.builder().ports(tcp(443)).to(NetworkPolicyPeerArgs.builder()
                .ipBlock(IPBlockArgs.builder().cidr("0.0.0.0/0").except(PRIVATE_RANGES).build()).build()).build();
    }

    /** HTTPS to the given blocks (e.g. private.googleapis.com's), or outside the private ranges where none are given. */
    public static NetworkPolicyEgressRuleArgs googleApis(List<String> cidrs) {
        return cidrs.isEmpty() ? googleApis() : NetworkPolicyEgressRuleArgs.builder().ports(tcp(443))
                .to(cidrs.stream().map(NetworkRules::ipBlock).toList()).build();
    }
}
