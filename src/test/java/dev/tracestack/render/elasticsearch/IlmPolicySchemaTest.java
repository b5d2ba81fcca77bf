package dev.tracestack.render.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendered ILM policy against Elasticsearch's documented ILM schema. The allowed phases and the
 * actions each phase accepts are the table of "Index lifecycle" (phase actions),
 * https://www.elastic.co/guide/en/elasticsearch/reference/8.19/ilm-index-lifecycle.html ; the rollover
 * conditions and their value types are from "Rollover",
 * https://www.elastic.co/guide/en/elasticsearch/reference/8.19/ilm-rollover.html ; time and byte units
 * from "API conventions", https://www.elastic.co/guide/en/elasticsearch/reference/8.19/api-conventions.html .
 */
class IlmPolicySchemaTest {

    private static final Map<String, Set<String>> ACTIONS_BY_PHASE = Map.of(
            "hot", Set.of("set_priority", "unfollow", "rollover", "read_only", "downsample", "shrink", "forcemerge",
                    "searchable_snapshot"),
            "warm", Set.of("set_priority", "unfollow", "read_only", "downsample", "allocate", "migrate", "shrink",
                    "forcemerge"),
            "cold", Set.of("set_priority", "unfollow", "read_only", "downsample", "searchable_snapshot", "allocate",
                    "migrate"),
            "frozen", Set.of("unfollow", "searchable_snapshot"),
            "delete", Set.of("wait_for_snapshot", "delete"));
    private static final List<String> PHASE_ORDER = List.of("hot", "warm", "cold", "frozen", "delete");
    private static final Pattern TIME = Pattern.compile("\\d+(d|h|m|s|ms|micros|nanos)");
    private static final Pattern BYTES = Pattern.compile("\\d+(b|kb|mb|gb|tb|pb)");
    private static final Map<String, Predicate<JsonNode>> ROLLOVER_CONDITIONS = Map.of(
            "max_age", v -> v.isTextual() && TIME.matcher(v.asText()).matches(),
            "max_docs", JsonNode::isIntegralNumber,
            "max_size", v -> v.isTextual() && BYTES.matcher(v.asText()).matches(),
            "max_primary_shard_size", v -> v.isTextual() && BYTES.matcher(v.asText()).matches(),
            "max_primary_shard_docs", JsonNode::isIntegralNumber,
            "min_age", v -> v.isTextual() && TIME.matcher(v.asText()).matches(),
            "min_docs", JsonNode::isIntegralNumber,
            "min_size", v -> v.isTextual() && BYTES.matcher(v.asText()).matches(),
            "min_primary_shard_size", v -> v.isTextual() && BYTES.matcher(v.asText()).matches(),
            "min_primary_shard_docs", JsonNode::isIntegralNumber);

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void renderedPolicyFollowsTheDocumentedIlmSchema(String stack) throws Exception {
        JsonNode body = Artifacts.JSON.readTree(
                RenderedStack.render(StackHarness.config(stack)).file(ElasticsearchArtifacts.ILM_POLICY_FILE));

        assertThat(violations(body)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnUnknownActionAWrongTypeAndARolloverWithoutMaximum() throws Exception {
        JsonNode bad = Artifacts.JSON.readTree("""
                {"policy": {"phases": {
                  "hot": {"min_age": "0ms", "actions": {"rollover": {"min_docs": 1}, "delete": {}}},
                  "delete": {"min_age": 14, "actions": {"delete": {}}}}}}""");

        assertThat(violations(bad)).containsExactlyInAnyOrder(
                "hot: action delete is not allowed in this phase",
                "hot.rollover: needs at least one max_* condition",
                "delete.min_age: not a time value: 14");
    }

    static List<String> violations(JsonNode body) {
        List<String> out = new ArrayList<>();
        assertKeys(body, Set.of("policy"), "", out);
        JsonNode policy = body.path("policy");
        assertKeys(policy, Set.of("phases", "_meta"), "policy", out);
        int previous = -1;
        for (Iterator<String> it = policy.path("phases").fieldNames(); it.hasNext(); ) {
            String phase = it.next();
            JsonNode node = policy.path("phases").path(phase);
            if (!ACTIONS_BY_PHASE.containsKey(phase)) {
                out.add(phase + ": unknown phase");
                continue;
            }
            previous = Math.max(previous, PHASE_ORDER.indexOf(phase));
            assertKeys(node, Set.of("min_age", "actions"), phase, out);
            if (node.has("min_age") && !(node.get("min_age").isTextual()
                    && TIME.matcher(node.get("min_age").asText()).matches())) {
                out.add(phase + ".min_age: not a time value: " + node.get("min_age"));
            }
            for (Iterator<String> actions = node.path("actions").fieldNames(); actions.hasNext(); ) {
                String action = actions.next();
                if (!ACTIONS_BY_PHASE.get(phase).contains(action)) {
                    out.add(phase + ": action " + action + " is not allowed in this phase");
                }
            }
            JsonNode rollover = node.path("actions").path("rollover");
            if (!rollover.isMissingNode()) {
                checkRollover(phase, rollover, out);
            }
            JsonNode priority = node.path("actions").path("set_priority");
            if (!priority.isMissingNode() && !(priority.path("priority").isIntegralNumber()
                    && priority.path("priority").asInt() >= 0)) {
                out.add(phase + ".set_priority: priority must be a non-negative integer");
            }
        }
        return out;
    }

    private static void checkRollover(String phase, JsonNode rollover, List<String> out) {
        boolean hasMax = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = rollover.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            Predicate<JsonNode> type = ROLLOVER_CONDITIONS.get(condition.getKey());
            if (type == null) {
                out.add(phase + ".rollover: unknown condition " + condition.getKey());
            } else if (!type.test(condition.getValue())) {
                out.add(phase + ".rollover." + condition.getKey() + ": wrong type: " + condition.getValue());
            }
            hasMax |= condition.getKey().startsWith("max_");
        }
        if (!hasMax) {
            out.add(phase + ".rollover: needs at least one max_* condition");
        }
    }

    private static void assertKeys(JsonNode node, Set<String> allowed, String where, List<String> out) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                out.add(where + ": unknown field " + field);
            }
        });
    }
}
