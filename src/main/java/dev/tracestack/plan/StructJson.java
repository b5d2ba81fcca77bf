package dev.tracestack.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the inputs Pulumi serializes for the engine (a protobuf {@code Struct} with Pulumi's special
 * signatures) into plain JSON, replacing secret values so they never reach a plan file.
 */
final class StructJson {

    static final String SECRET = "[secret]";
    static final String UNKNOWN = "[unknown]";
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructJson() {
    }

    static ObjectNode of(Struct struct) {
        ObjectNode object = NODES.objectNode();
        // Sorted so the plan is byte-for-byte stable between runs.
        new TreeMap<>(struct.getFieldsMap()).forEach((key, value) -> object.set(key, of(value)));
        return object;
    }

    static JsonNode of(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return NODES.nullNode();
            case BOOL_VALUE:
                return NODES.booleanNode(value.getBoolValue());
            case NUMBER_VALUE:
                double number = value.getNumberValue();
                return number == Math.rint(number) && Math.abs(number) < 1e15
                        ? NODES.numberNode((long) number) : NODES.numberNode(number);
            case STRING_VALUE:
                return NODES.textNode(UNKNOWN_VALUE.equals(value.getStringValue()) ? UNKNOWN : value.getStringValue());
            case LIST_VALUE:
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> array.add(of(v)));
                return array;
            case STRUCT_VALUE:
                Map<String, Value> fields = value.getStructValue().getFieldsMap();
                Value sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    return NODES.textNode(SECRET);
                }
                return of(value.getStructValue());
            default:
                throw new IllegalStateException("unexpected protobuf value kind " + value.getKindCase());
        }
    }
}
