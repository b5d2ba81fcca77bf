package dev.tracestack.component.kubernetes;

import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
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
     * @param from  the peers; empty admits any source (only the SDKs' sampling endpoint does)
     */
    public record Rule(List<Integer> ports, List<NetworkPolicyPeerArgs> from) {
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

    /**
     * The namespace's baseline: no pod receives or sends anything that a policy of its own does not allow (policies
     * add up, so each workload's policy below opens exactly its own traffic).
     */
    public static NetworkPolicyArgs defaultDeny(String namespace, Map<String, String> labels) {
        return NetworkPolicyArgs.builder()
                .metadata(PodSpecs.meta("default-deny", namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Ingress", "Egress")
                        .build())
                .build();
    }

    /** Admits to the selected pods only what the ingress rules name, and lets them send only what the egress rules do. */
    public static NetworkPolicyArgs networkPolicy(String name, String namespace, Map<String, String> labels,
                                                  Map<String, String> selector, List<Rule> rules,
                                                  List<NetworkPolicyEgressRuleArgs> egress) {
        List<NetworkPolicyIngressRuleArgs> ingress = rules.stream().map(rule -> {
            var builder = NetworkPolicyIngressRuleArgs.builder().ports(rule.ports().stream()
                    .map(NetworkRules::tcp).toList());
            return rule.from().isEmpty() ? builder.build() : builder.from(rule.from()).build();
        }).toList();
        return NetworkPolicyArgs.builder()
                .metadata(PodSpecs.meta(name, namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .policyTypes("Ingress", "Egress")
                        .ingress(ingress)
                        .egress(egress)
                        .build())
                .build();
    }
}
