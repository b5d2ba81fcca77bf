package dev.tracestack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.plan.PlannedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison with a recorded plan catches each way a change would replace a resource. */
class PlanSuccessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch";

    @TempDir
    Path dir;

    private static PlannedResource cluster(String name, String parent, String metadataName, List<String> aliases) {
        JsonNode inputs = JSON.createObjectNode().set("metadata", JSON.createObjectNode()
                .put("name", metadataName).put("namespace", "observability"));
        return new PlannedResource(CLUSTER, name, parent, "kubernetes", true, true, List.of(), aliases, inputs);
    }

    private PlanSuccession against(PlannedResource now) throws IOException {
        Path recorded = dir.resolve("resources.json");
        Files.writeString(recorded, JSON.writeValueAsString(List.of(
                cluster("jaeger-es", "elasticsearch", "jaeger-es", List.of()))));
        return PlanSuccession.of(recorded, List.of(now));
    }

    @Test
    void aRenameWithAnAliasIsCarriedOver() throws IOException {
        PlanSuccession succession = against(cluster("elasticsearch-cluster", "elasticsearch", "jaeger-es",
                List.of("jaeger-es")));

        assertThat(succession.replacements()).isEmpty();
        assertThat(succession.changes()).isEmpty();
        assertThat(succession.unconventionalRenames()).isEmpty();
        assertThat(succession.renames()).containsEntry(CLUSTER + "::jaeger-es", "elasticsearch-cluster");
    }

    @Test
    void aRenameWithoutAnAliasIsAReplacement() throws IOException {
        PlanSuccession succession = against(cluster("elasticsearch-cluster", "elasticsearch", "jaeger-es", List.of()));

        assertThat(succession.replacements()).singleElement().asString().contains("no resource of its type");
        assertThat(succession.changes()).singleElement().asString().endsWith(": new");
    }

    @Test
    void aChangedObjectNameIsAReplacement() throws IOException {
        PlanSuccession succession = against(cluster("jaeger-es", "elasticsearch", "tracestack-es", List.of()));

        assertThat(succession.replacements()).singleElement().asString()
                .contains("metadata.name changed (\"jaeger-es\" -> \"tracestack-es\")");
    }

    @Test
    void aNameOutsideParentRoleIsReported() throws IOException {
        PlanSuccession succession = against(cluster("es-cluster", "elasticsearch", "jaeger-es", List.of("jaeger-es")));

        assertThat(succession.unconventionalRenames()).singleElement().asString()
                .contains("is not named <parent>-<role>");
    }
}
