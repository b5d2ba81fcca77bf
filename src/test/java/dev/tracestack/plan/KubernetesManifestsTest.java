package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan writes the rendered collector configs and every registered Kubernetes object as artifacts. */
class KubernetesManifestsTest {

    @Test
    void everyKubernetesObjectBecomesAManifestNamedByKindAndName() {
        Plan plan = StackHarness.synth("prod");
        Map<String, String> manifests = KubernetesManifests.of(plan);
        assertThat(manifests).containsKeys("kubernetes/statefulset-otel-collector-gateway.yaml",
                "kubernetes/service-otel-collector.yaml", "kubernetes/namespace-observability.yaml",
                "kubernetes/networkpolicy-otel-collector-gateway.yaml");
        long kubernetesResources = plan.resources().stream()
                .filter(r -> r.type().startsWith("kubernetes:")).count();
        assertThat(manifests).hasSize((int) kubernetesResources);
    }

    @Test
    void aManifestIsTheRegisteredInputsWithApiVersionAndKind() throws Exception {
        Plan plan = StackHarness.synth("dev");
        String yaml = KubernetesManifests.of(plan).get("kubernetes/deployment-otel-collector-gateway.yaml");
        Map<?, ?> manifest = Artifacts.YAML.readValue(yaml, Map.class);
        assertThat(manifest.get("apiVersion")).isEqualTo("apps/v1");
        assertThat(manifest.get("kind")).isEqualTo("Deployment");
        // Both sides re-read from JSON text, so numbers compare by value, not by the node class that held them.
        JsonNode written = Artifacts.JSON.readTree(Artifacts.JSON.writeValueAsString(manifest));
        JsonNode registered = Artifacts.JSON.readTree(
                plan.get("kubernetes:apps/v1:Deployment", "otel-collector-gateway-workload").inputs().toString());
        assertThat(written).isEqualTo(registered);
    }

    @Test
    void thePlanDirectoryHoldsCollectorConfigsAndManifests(@TempDir Path out) throws Exception {
        Plan plan = StackHarness.synth("stage");
        PlanWriter.write(plan, out);
        Path artifacts = out.resolve(PlanWriter.ARTIFACTS);
        assertThat(Files.readString(artifacts.resolve("collector/sampler.yaml")))
                .isEqualTo(plan.rendered().file("collector/sampler.yaml"));
        assertThat(artifacts.resolve("kubernetes/deployment-otel-collector-sampler.yaml")).exists();
        assertThat(artifacts.resolve("kubernetes/service-otel-collector-sampler.yaml")).exists();
    }
}
