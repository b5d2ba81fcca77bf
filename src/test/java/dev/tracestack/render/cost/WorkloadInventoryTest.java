package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.cost.Workloads.Workload;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pods the estimate prices are the pods the program registers: same workloads, same replicas, same
 * requests. A workload added to a component without a line in the estimate fails here.
 */
class WorkloadInventoryTest {

    private static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyRegisteredWorkloadIsPricedWithItsReplicasAndRequests(String stack) {
        Plan plan = StackHarness.synth(stack);
        Map<String, Workload> priced = new TreeMap<>();
        Workloads.of(plan.config(), 730).forEach(w -> priced.put(w.name(), w));
        Map<String, Workload> registered = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            switch (r.type()) {
                case "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet" -> registered.put(
                        name(r), scaled(plan, r, r.input("spec.template.spec")));
                case "kubernetes:batch/v1:CronJob" -> registered.put(name(r), new Workload(name(r), 1, 1,
                        requests(r.input("spec.jobTemplate.spec.template.spec")), 0));
                case "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch" -> {
                    JsonNode nodeSet = r.input("spec.nodeSets").get(0);
                    int count = nodeSet.path("count").asInt();
                    registered.put(name(r), new Workload(name(r), count, count,
                            requests(nodeSet.path("podTemplate").path("spec")), 0));
                }
                case "kubernetes:helm.sh/v3:Release" -> {
                    String release = r.input("name").asText();
                    registered.put(release, priced.get(release));
                }
                default -> { }
            }
        }

        assertThat(registered.keySet()).containsExactlyElementsOf(priced.keySet());
        registered.forEach((name, w) -> {
            Workload p = priced.get(name);
            assertThat(p.replicas()).as(name + " replicas").isEqualTo(w.replicas());
            assertThat(p.maxReplicas()).as(name + " max replicas").isEqualTo(w.maxReplicas());
            assertThat(p.requests()).as(name + " requests").isEqualTo(w.requests());
        });
    }

    private static String name(PlannedResource r) {
        return r.input("metadata.name").asText();
    }

    /** Replicas from the workload's autoscaler where it has one, else its own. */
    private static Workload scaled(Plan plan, PlannedResource r, JsonNode podSpec) {
        int replicas = r.input("spec.replicas").asInt();
        int max = replicas;
        for (PlannedResource hpa : plan.ofType(HPA)) {
            if (hpa.input("spec.scaleTargetRef.name").asText().equals(name(r))) {
                replicas = hpa.input("spec.minReplicas").asInt();
                max = hpa.input("spec.maxReplicas").asInt();
            }
        }
        return new Workload(name(r), replicas, max, requests(podSpec), 1);
    }

    /** What a pod requests: its containers' sum, or its largest init container if that is larger. */
    private static ContainerResources requests(JsonNode podSpec) {
        int cpu = 0;
        int memory = 0;
        for (JsonNode c : podSpec.path("containers")) {
            cpu += millis(c.path("resources").path("requests").path("cpu").asText());
            memory += mebibytes(c.path("resources").path("requests").path("memory").asText());
        }
        for (JsonNode c : podSpec.path("initContainers")) {
            cpu = Math.max(cpu, millis(c.path("resources").path("requests").path("cpu").asText()));
            memory = Math.max(memory, mebibytes(c.path("resources").path("requests").path("memory").asText()));
        }
        return new ContainerResources(cpu, memory);
    }

    private static int millis(String cpu) {
        return cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1))
                : (int) (Double.parseDouble(cpu) * 1000);
    }

    private static int mebibytes(String memory) {
        return memory.endsWith("Gi") ? Integer.parseInt(memory.substring(0, memory.length() - 2)) * 1024
                : Integer.parseInt(memory.substring(0, memory.length() - 2));
    }
}
