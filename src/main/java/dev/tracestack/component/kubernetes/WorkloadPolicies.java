package dev.tracestack.component.kubernetes;

import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import java.util.List;
import java.util.Map;

/** Pure builders of the availability and isolation objects around a workload: HPA, PodDisruptionBudget, NetworkPolicy. */
public final class WorkloadPolicies {

    /** Scale out before the CPU limit throttles the batch processor. */
    private static final int TARGET_CPU_PERCENT = 70;

    private WorkloadPolicies() {
    }

    /**
     * Who may open which ports of the selected pods.
     *
     * @param ports the TCP ports
     * @param from  the peers; empty admits any source
     */
    public record Rule(List<Integer> ports, List<NetworkPolicyPeerArgs> from) {
    }

    /** Pods carrying all of these labels, in the same namespace. */
    public static NetworkPolicyPeerArgs pods(Map<String, String> labels) {
        return NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder().matchLabels(labels).build())
                .build();
    }

    /** Every pod of a namespace. */
    public static NetworkPolicyPeerArgs namespace(String name) {
        return NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder()
                .matchLabels(Map.of("kubernetes.io/metadata.name", name)).build()).build();
    }

    /** Scales a Deployment of the same name on CPU. */
    public static HorizontalPodAutoscalerArgs autoscaler(String deployment, String namespace,
                                                         Map<String, String> labels, int min, int max) {
        return HorizontalPodAutoscalerArgs.builder()
                .metadata(PodSpecs.meta(deployment, namespace, labels))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                .apiVersion("apps/v1").kind("Deployment").name(deployment).build())
                        .minReplicas(min).maxReplicas(max)
                        .metrics(MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder()
                                .name("cpu").target(MetricTargetArgs.builder().type("Utilization")
                                        .averageUtilization(TARGET_CPU_PERCENT).build()).build()).build())
                        .build())
                .build();
    }

    /** At most one pod of the workload down at a time during voluntary disruptions. */
    public static PodDisruptionBudgetArgs disruptionBudget(String name, String namespace, Map<String, String> labels,
                                                           Map<String, String> selector) {
        return PodDisruptionBudgetArgs.builder()
                .metadata(PodSpecs.meta(name, namespace, labels))
                .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build()).build())
                .build();
    }

    /** Denies all ingress to the selected pods except what the rules admit. */
    public static NetworkPolicyArgs networkPolicy(String name, String namespace, Map<String, String> labels,
                                                  Map<String, String> selector, List<Rule> rules) {
        List<NetworkPolicyIngressRuleArgs> ingress = rules.stream().map(rule -> {
            var builder = NetworkPolicyIngressRuleArgs.builder().ports(rule.ports().stream()
                    .map(port -> NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build()).toList());
            return rule.from().isEmpty() ? builder.build() : builder.from(rule.from()).build();
        }).toList();
        return NetworkPolicyArgs.builder()
                .metadata(PodSpecs.meta(name, namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .policyTypes("Ingress")
                        .ingress(ingress)
                        .build())
                .build();
    }
}
