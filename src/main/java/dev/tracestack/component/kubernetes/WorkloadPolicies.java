package dev.tracestack.component.kubernetes;

import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.render.Names;
import java.util.List;
import java.util.Map;

/** The availability and isolation objects around a workload: HPA, PodDisruptionBudget, NetworkPolicy. */
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

    public static HorizontalPodAutoscaler hpa(String deployment, String namespace, Map<String, String> labels,
                                              int min, int max, CustomResourceOptions options) {
        return new HorizontalPodAutoscaler(deployment, HorizontalPodAutoscalerArgs.builder()
                .metadata(PodSpecs.meta(deployment, namespace, labels))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                .apiVersion("apps/v1").kind("Deployment").name(deployment).build())
                        .minReplicas(min).maxReplicas(max)
                        .metrics(MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder()
                                .name("cpu").target(MetricTargetArgs.builder().type("Utilization")
                                        .averageUtilization(TARGET_CPU_PERCENT).build()).build()).build())
                        .build())
                .build(), options);
    }

    /** At most one pod of the workload down at a time during voluntary disruptions. */
    public static PodDisruptionBudget pdb(String name, String namespace, Map<String, String> labels,
                                          Map<String, String> selector, CustomResourceOptions options) {
        return new PodDisruptionBudget(name, PodDisruptionBudgetArgs.builder()
                .metadata(PodSpecs.meta(name, namespace, labels))
                .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build()).build())
                .build(), options);
    }

    /** Denies all ingress to the selected pods except what the rules admit. */
    public static NetworkPolicy networkPolicy(String name, String namespace, Map<String, String> labels,
                                              Map<String, String> selector, List<Rule> rules,
                                              CustomResourceOptions options) {
        List<NetworkPolicyIngressRuleArgs> ingress = rules.stream().map(rule -> {
            var builder = NetworkPolicyIngressRuleArgs.builder().ports(rule.ports().stream()
                    .map(port -> NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build()).toList());
            return rule.from().isEmpty() ? builder.build() : builder.from(rule.from()).build();
        }).toList();
        return new NetworkPolicy(Names.child(name, "ingress"), NetworkPolicyArgs.builder()
                .metadata(PodSpecs.meta(name, namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .policyTypes("Ingress")
                        .ingress(ingress)
                        .build())
                .build(), options);
    }
}
