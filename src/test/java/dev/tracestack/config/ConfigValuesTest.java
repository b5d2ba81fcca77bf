package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.config.ConfigValues.Read;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config value is read the same whether it comes as JSON or, as the Pulumi CLI hands over a stack's top-level
 * values, as text; what it cannot be read as is refused with the rule, showing the value as the user wrote it.
 */
class ConfigValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scalarsAreReadFromJsonValuesAndFromTheirText() throws Exception {
        assertThat(ConfigValues.bool(json("true"))).isEqualTo(Read.of(true));
        assertThat(ConfigValues.bool(json("\" False \""))).isEqualTo(Read.of(false));
        assertThat(ConfigValues.number(json("\"0.25\""))).isEqualTo(Read.of(0.25));
        assertThat(ConfigValues.integer(json("\"12\""))).isEqualTo(Read.of(12));
        assertThat(ConfigValues.string(json("42"))).isEqualTo(Read.of("42"));
        assertThat(ConfigValues.choice(json("\"strict\""), AlertStrictness.class))
                .isEqualTo(Read.of(AlertStrictness.STRICT));
    }

    @Test
    void mappingsAndListsAreReadFromJsonAndFromJsonText() throws Exception {
        assertThat(ConfigValues.strings(json("[\"a\", 1]"))).isEqualTo(Read.of(List.of("a", "1")));
        assertThat(ConfigValues.strings(json("\"[\\\"a\\\"]\""))).isEqualTo(Read.of(List.of("a")));
        assertThat(ConfigValues.object(json("\"{\\\"a\\\": 1}\"")).value()).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void eachTypeRefusesWhatItCannotReadWithItsRule() throws Exception {
        assertThat(ConfigValues.string(json("{\"a\": 1}"))).isEqualTo(Read.breaking("{\"a\":1}", "must be a string"));
        assertThat(ConfigValues.bool(json("\"yes\"")))
                .isEqualTo(Read.breaking("yes", "must be a boolean (true or false)"));
        assertThat(ConfigValues.number(json("\"ten\""))).isEqualTo(Read.breaking("ten", "must be a number"));
        assertThat(ConfigValues.integer(json("2.5"))).isEqualTo(Read.breaking("2.5", "must be a whole number"));
        assertThat(ConfigValues.integer(json("[1]"))).isEqualTo(Read.breaking("[1]", "must be a whole number"));
        assertThat(ConfigValues.choice(json("\"harsh\""), AlertStrictness.class).rule()).startsWith("must be one of ");
        assertThat(ConfigValues.strings(json("{\"a\": 1}")))
                .isEqualTo(Read.breaking("{\"a\":1}", "must be a list of strings"));
        assertThat(ConfigValues.strings(json("[\"a\", null]")))
                .isEqualTo(Read.breaking("[\"a\",null]", "must be a list of strings"));
        assertThat(ConfigValues.strings(json("\"a, b\"")))
                .isEqualTo(Read.breaking("a, b", "must be a structured value (a YAML mapping or list)"));
        assertThat(ConfigValues.object(json("[1]")))
                .isEqualTo(Read.breaking("[1]", "must be an object (a YAML mapping)"));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
