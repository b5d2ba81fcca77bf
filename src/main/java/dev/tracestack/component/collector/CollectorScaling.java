package dev.tracestack.component.collector;

import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;

/** Pure factories for a tier's HorizontalPodAutoscaler and PodDisruptionBudget. */
final class CollectorScaling {

    /**
     * Average utilisation of the requests that triggers a scale-out; below memory_limiter's 80% so pods
     * are added before the limiter starts refusing spans.
     */
    static final int TARGET_UTILIZATION_PERCENT = 70;

    private CollectorScaling() {
    }

    static HorizontalPodAutoscalerArgs autoscaler(CollectorTierSpec spec) {
        return HorizontalPodAutoscalerArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder().apiVersion("apps/v1")
                                .kind(spec.tier().persistentQueue() ? "StatefulSet" : "Deployment")
                                .name(spec.name()).build())
                        .minReplicas(spec.tier().replicas().minReplicas())
                        .maxReplicas(spec.tier().replicas().maxReplicas())
                        .metrics(resource("cpu"), resource("memory"))
                        .build())
                .build();
    }

    /** One pod at a time may be evicted, so a drain never empties a tier. */
    static PodDisruptionBudgetArgs disruptionBudget(CollectorTierSpec spec) {
        return PodDisruptionBudgetArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(1).selector(spec.labelSelector()).build())
                .build();
    }

    private static MetricSpecArgs resource(String name) {
        return MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder().name(name)
                .target(MetricTargetArgs.builder().type("Utilization")
                        .averageUtilization(TARGET_UTILIZATION_PERCENT).build())
                .build()).build();
    }
}
