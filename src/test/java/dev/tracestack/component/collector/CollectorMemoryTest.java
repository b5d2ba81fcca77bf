package dev.tracestack.component.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every collector tier holds exporter queues, so its pods request their whole memory limit and are not the
 * first evicted under node pressure; the autoscaler adds pods on memory before memory_limiter refuses spans.
 */
class CollectorMemoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyTierRequestsItsMemoryLimit(String stack) {
        Plan plan = StackHarness.synth(stack).within("otel-collector");
        String limit = plan.config().collector().resources().memoryLimitMiB() + "Mi";
        assertThat(OtelCollectorGraphTest.workloads(plan)).isNotEmpty();
        for (PlannedResource workload : OtelCollectorGraphTest.workloads(plan)) {
            JsonNode resources = workload.input("spec.template.spec.containers").get(0).path("resources");
            assertThat(resources.at("/requests/memory").asText()).as(workload.name()).isEqualTo(limit);
            assertThat(resources.at("/limits/memory").asText()).as(workload.name()).isEqualTo(limit);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void autoscalersAddPodsAtHalfTheMemoryAndSeventyPercentOfTheCpuRequested(String stack) {
        for (PlannedResource hpa : StackHarness.synth(stack).within("otel-collector").ofType(OtelCollectorGraphTest.HPA)) {
            JsonNode metrics = hpa.input("spec.metrics");
            assertThat(metrics.get(0).at("/resource/name").asText()).isEqualTo("cpu");
            assertThat(metrics.get(0).at("/resource/target/averageUtilization").asInt()).as(hpa.name()).isEqualTo(70);
            assertThat(metrics.get(1).at("/resource/name").asText()).isEqualTo("memory");
            assertThat(metrics.get(1).at("/resource/target/averageUtilization").asInt()).as(hpa.name()).isEqualTo(50);
        }
    }
}
