package dev.tracestack.render.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ILM policy's content per environment, from the real stack files. */
class IlmPolicyRendererTest {

    private static JsonNode policy(String stack) throws Exception {
        return Artifacts.JSON.readTree(RenderedStack.render(StackHarness.config(stack))
                .file(ElasticsearchArtifacts.ILM_POLICY_FILE)).path("policy");
    }

    @Test
    void stageDeletesIndicesAfterFourteenDays() throws Exception {
        assertThat(policy("stage").path("phases").path("delete").path("min_age").asText()).isEqualTo("14d");
    }

    @Test
    void prodDeletesIndicesAfterItsElasticsearchRetentionOfFourteenDaysNotBigQuerysNinety() throws Exception {
        assertThat(StackHarness.config("prod").retentionDays()).isEqualTo(90);
        assertThat(policy("prod").path("phases").path("delete").path("min_age").asText()).isEqualTo("14d");
    }

    @Test
    void theHotPhaseRollsOverAtFiftyGigabytePrimaryShardsOrOneDay() throws Exception {
        for (String stack : new String[] {"stage", "prod"}) {
            JsonNode rollover = policy(stack).path("phases").path("hot").path("actions").path("rollover");
            assertThat(rollover.path("max_primary_shard_size").asText()).isEqualTo("50gb");
            assertThat(rollover.path("max_age").asText()).isEqualTo("1d");
        }
    }

    @Test
    void rolloverConditionsComeFromConfig() throws Exception {
        RenderedStack rendered = RenderedStack.render(dev.tracestack.config.StackConfigParser.parse(
                StackHarness.withOverrides("stage", Map.of("tracestack:elasticsearch",
                        "{\"rollover\": {\"maxPrimaryShardSizeGb\": 20, \"maxAgeDays\": 3}}"))));

        JsonNode rollover = Artifacts.JSON.readTree(rendered.file(ElasticsearchArtifacts.ILM_POLICY_FILE))
                .path("policy").path("phases").path("hot").path("actions").path("rollover");
        assertThat(rollover.path("max_primary_shard_size").asText()).isEqualTo("20gb");
        assertThat(rollover.path("max_age").asText()).isEqualTo("3d");
    }

    @Test
    void devRendersNoJaegerOrElasticsearchArtifacts() {
        assertThat(RenderedStack.render(StackHarness.config("dev")).files().keySet())
                .noneMatch(path -> path.startsWith("jaeger/") || path.startsWith("elasticsearch/"));
    }
}
