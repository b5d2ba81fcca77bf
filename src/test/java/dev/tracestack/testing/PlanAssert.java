package dev.tracestack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import java.util.Iterator;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions over a synthesized stack in the spirit of CDK's {@code Template}:
 * {@code assertThatPlan(plan).hasResourceProperties(type, "{...}")} and {@code resourceCountIs(type, n)}.
 */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanAssert(Plan plan) {
        super(plan, PlanAssert.class);
    }

    public static PlanAssert assertThatPlan(Plan plan) {
        return new PlanAssert(plan);
    }

    public PlanAssert resourceCountIs(String type, long count) {
        long actualCount = actual.count(type);
        if (actualCount != count) {
            failWithMessage("expected %d resources of type %s in stack %s but found %d: %s", count, type,
                    actual.config().stack(), actualCount, actual.ofType(type).stream().map(PlannedResource::name).toList());
        }
        return this;
    }

    /** Some resource of the type has inputs that contain {@code partialJson} (objects by subset, the rest exactly). */
    public PlanAssert hasResourceProperties(String type, String partialJson) {
        JsonNode expected = read(partialJson);
        boolean found = actual.ofType(type).stream().anyMatch(r -> contains(r.inputs(), expected));
        if (!found) {
            failWithMessage("no %s in stack %s has inputs containing %s; inputs are:%n%s", type,
                    actual.config().stack(), expected, actual.ofType(type).stream()
                            .map(r -> r.name() + ": " + r.inputs()).toList());
        }
        return this;
    }

    static boolean contains(JsonNode actualNode, JsonNode expected) {
        if (expected.isObject()) {
            if (!actualNode.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(actualNode.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actualNode);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception malformed) {
            throw new IllegalArgumentException("not JSON: " + json, malformed);
        }
    }
}
