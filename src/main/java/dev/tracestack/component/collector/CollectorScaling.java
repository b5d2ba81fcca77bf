package dev.tracestack.component.collector;

import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingRulesArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerBehaviorArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import dev.tracestack.render.collector.CollectorTier;

/** Pure builders of a tier's HorizontalPodAutoscaler and PodDisruptionBudget. */
final class CollectorScaling {

    /**
     * Average memory utilisation of the request, which is the limit, that triggers a scale-out: below
     * memory_limiter's soft limit (60% of the container's limit, on the heap alone), so pods are added before the
     * limiter starts refusing spans.
     */
    static final int TARGET_MEMORY_PERCENT = 50;

    private CollectorScaling() {
    }

    /**
     * A tier whose exporters queue on a volume is never scaled in by the autoscaler: the pod removed would
     * take its queue's volume out of service with whatever it still holds (the StatefulSet keeps the
     * claim, but nothing drains it until that ordinal comes back). It grows under load and stays grown;
     * shrinking it is an operator's decision (docs/collector.md, "Scaling the persistent-queue tier").
     */
    static HorizontalPodAutoscalerArgs autoscaler(CollectorTierSpec spec) {
        var hpa = HorizontalPodAutoscalerSpecArgs.builder()
                .scaleTargetRef(CrossVersionObjectReferenceArgs.builder().apiVersion("apps/v1")
                        .kind(spec.tier().persistentQueue() ? "StatefulSet" : "Deployment")
                        .name(spec.name()).build())
                .minReplicas(spec.tier().replicas().minReplicas())
                .maxReplicas(spec.tier().replicas().maxReplicas())
                .metrics(resource("cpu", CollectorTier.SCALE_OUT_CPU_PERCENT), resource("memory", TARGET_MEMORY_PERCENT));
        if (spec.tier().persistentQueue()) {
            hpa.behavior(HorizontalPodAutoscalerBehaviorArgs.builder()
                    .scaleDown(HPAScalingRulesArgs.builder().selectPolicy("Disabled").build()).build());
        }
        return HorizontalPodAutoscalerArgs.builder().metadata(spec.metadata(spec.name())).spec(hpa.build()).build();
    }

    /** One pod at a time may be evicted, so a drain never empties a tier. */
    static PodDisruptionBudgetArgs disruptionBudget(CollectorTierSpec spec) {
        return PodDisruptionBudgetArgs.builder()
                .metadata(spec.metadata(spec.name()))
                .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(1).selector(spec.labelSelector()).build())
                .build();
    }

    private static MetricSpecArgs resource(String name, int percent) {
        return MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder().name(name)
                .target(MetricTargetArgs.builder().type("Utilization")
                        .averageUtilization(percent).build())
                .build()).build();
    }
}
