package dev.tracestack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.wire.WireName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a config value is read as each type {@link ConfigSection} offers: pure functions from the value, as JSON, to
 * the typed value or the rule it breaks. Scalars are accepted as JSON values or as their text, and mappings and
 * lists as JSON or as the JSON text the Pulumi CLI hands over at a stack's top level.
 */
final class ConfigValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigValues() {
    }

    /** A value read as a type, or the value as a problem shows it and the rule it breaks. */
    record Read<T>(T value, String shown, String rule) {

        static <T> Read<T> of(T value) {
            return new Read<>(value, null, null);
        }

        static <T> Read<T> breaking(String shown, String rule) {
            return new Read<>(null, shown, rule);
        }

        boolean broken() {
            return rule != null;
        }

        /** This value, read further by {@code next}; a broken read stays as it is. */
        <U> Read<U> then(Function<T, Read<U>> next) {
            return broken() ? breaking(shown, rule) : next.apply(value);
        }
    }

    static Read<String> string(JsonNode v) {
        return v.isValueNode() ? Read.of(v.asText()) : Read.breaking(display(v), "must be a string");
    }

    static Read<Boolean> bool(JsonNode v) {
        if (v.isBoolean()) {
            return Read.of(v.booleanValue());
        }
        String text = v.asText().trim().toLowerCase(Locale.ROOT);
        if (v.isTextual() && (text.equals("true") || text.equals("false"))) {
            return Read.of(Boolean.parseBoolean(text));
        }
        return Read.breaking(display(v), "must be a boolean (true or false)");
    }

    static Read<Double> number(JsonNode v) {
        return decimal(v, "must be a number").then(d -> Read.of(d.doubleValue()));
    }

    static Read<Integer> integer(JsonNode v) {
        return decimal(v, "must be a whole number").then(d -> {
            try {
                return Read.of(d.intValueExact());
            } catch (ArithmeticException notWhole) {
                return Read.breaking(d.toPlainString(), "must be a whole number");
            }
        });
    }

    /** One of an enum's constants, spelled as its wire name in the config (e.g. {@code strict}). */
    static <E extends Enum<E>> Read<E> choice(JsonNode v, Class<E> type) {
        return string(v).then(text -> {
            List<E> constants = List.of(type.getEnumConstants());
            return constants.stream().filter(c -> WireName.of(c).equals(text)).findFirst()
                    .map(Read::of)
                    .orElseGet(() -> Read.breaking(text, "must be one of "
                            + constants.stream().map(WireName::of).collect(Collectors.joining(", "))));
        });
    }

    static Read<List<String>> strings(JsonNode v) {
        return structured(v).then(list -> {
            if (!list.isArray()) {
                return Read.breaking(display(v), "must be a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : list) {
                if (!item.isValueNode() || item.isNull()) {
                    return Read.breaking(list.toString(), "must be a list of strings");
                }
                out.add(item.asText());
            }
            return Read.of(List.copyOf(out));
        });
    }

    static Read<ObjectNode> object(JsonNode v) {
        return structured(v).then(object -> object.isObject() ? Read.of((ObjectNode) object)
                : Read.breaking(display(v), "must be an object (a YAML mapping)"));
    }

    /** A value as a problem shows it: text as it is, anything else as JSON. */
    static String display(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static Read<BigDecimal> decimal(JsonNode v, String rule) {
        if (v.isNumber()) {
            return Read.of(v.decimalValue());
        }
        if (v.isTextual()) {
            try {
                return Read.of(new BigDecimal(v.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return Read.breaking(v.asText(), rule);
            }
        }
        return Read.breaking(display(v), rule);
    }

    /** A mapping or list: as it is in a nested section, parsed from its JSON text at the root. */
    private static Read<JsonNode> structured(JsonNode v) {
        if (!v.isTextual()) {
            return Read.of(v);
        }
        try {
            return Read.of(JSON.readTree(v.asText()));
        } catch (JsonProcessingException notJson) {
            return Read.breaking(v.asText(), "must be a structured value (a YAML mapping or list)");
        }
    }
}
