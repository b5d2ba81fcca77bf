package dev.tracestack.component;

import static dev.tracestack.component.JaegerStackTest.envValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What keeps the workloads up under node, zone and memory trouble: spread over zones and nodes, Jaeger's collector
 * refusing spans before it is killed for memory, and a dependencies job that cannot run forever or write its image.
 */
class WorkloadResilienceTest {

    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";

    @Test
    void everyMultiReplicaWorkloadInProdSpreadsOverZonesAndNodes() {
        Plan plan = StackHarness.synth("prod");
        List<PlannedResource> workloads = new ArrayList<>(plan.ofType(DEPLOYMENT));
        workloads.addAll(plan.ofType("kubernetes:apps/v1:StatefulSet"));

        assertThat(workloads).isNotEmpty().allSatisfy(workload -> assertThat(workload
                .input("spec.template.spec.topologySpreadConstraints").findValuesAsText("topologyKey")).as(workload.name())
                .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname"));
        assertThat(plan.get("kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch", "elasticsearch-cluster")
                .input("spec.nodeSets").get(0).path("podTemplate").path("spec").path("topologySpreadConstraints")
                .findValuesAsText("topologyKey"))
                .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    }

    @Test
    void theJaegerCollectorLimitsItsMemoryFirstAndTellsGoItsLimit() throws Exception {
        Plan plan = StackHarness.synth("prod");
        JsonNode config = Artifacts.YAML.readTree(plan.rendered().file(JaegerArtifacts.COLLECTOR_CONFIG));
        JsonNode container = plan.get(DEPLOYMENT, "jaeger-collector-workload").input("spec.template.spec.containers").get(0);

        assertThat(config.path("service").path("pipelines").path("traces").path("processors").get(0).asText())
                .isEqualTo("memory_limiter");
        assertThat(envValue(container.path("env"), "GOMEMLIMIT")).isEqualTo("1638MiB");
    }

    @Test
    void theDependenciesJobHasAReadOnlyRootANonRootGroupAndADeadline() {
        JsonNode job = StackHarness.synth("prod").get("kubernetes:batch/v1:CronJob", "jaeger-spark-dependencies")
                .input("spec.jobTemplate.spec");

        assertThat(job.path("activeDeadlineSeconds").asInt()).isPositive();
        assertThat(job.path("template").path("spec").path("securityContext").path("runAsGroup").asInt()).isNotZero();
        assertThat(job.path("template").path("spec").path("containers").findValuesAsText("readOnlyRootFilesystem"))
                .containsOnly("true");
    }

}
