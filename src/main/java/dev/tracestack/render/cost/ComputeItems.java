package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.Driver.FIXED;

import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.render.cost.Workloads.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's share: every pod's CPU and memory requests at the GKE mode's hourly prices, at the replicas
 * it runs normally and, as an upper bound, at its autoscaler's maximum.
 */
final class ComputeItems {

    private ComputeItems() {
    }

    static List<LineItem> of(CostContext ctx) {
        String mode = ctx.config().cost().gkeMode().id();
        List<LineItem> items = new ArrayList<>();
        for (Workload pod : Workloads.of(ctx.config(), ctx.hoursPerMonth())) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("gkeMode", mode);
            inputs.put("replicas", pod.replicas());
            inputs.put("maxReplicas", pod.maxReplicas());
            inputs.put("cpuMillis", pod.requests().cpuMillis());
            inputs.put("memoryMiB", pod.requests().memoryMiB());
            inputs.put("dutyCycle", pod.dutyCycle());
            LineItem item = LineItem.of("gke." + pod.name(), "GKE: " + pod.name() + " pods' requests", FIXED,
                    charges(ctx, mode, pod, pod.replicas()), inputs);
            if (pod.maxReplicas() > pod.replicas()) {
                item = item.withMonthlyAtMax(LineItem.total(charges(ctx, mode, pod, pod.maxReplicas())));
            }
            items.add(item);
        }
        return items;
    }

    private static List<Charge> charges(CostContext ctx, String mode, Workload pod, int replicas) {
        double podHours = replicas * ctx.hoursPerMonth() * pod.dutyCycle();
        return List.of(
                ctx.charge("gke." + mode + ".vcpu", podHours * pod.requests().cpuMillis() / 1000.0),
                ctx.charge("gke." + mode + ".memory", podHours * pod.requests().memoryMiB() / 1024.0));
    }
}
