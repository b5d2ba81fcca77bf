package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

/** Inputs reach the plan in the engine's wire format; secrets must not survive the translation. */
class StructJsonTest {

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    /** How the Pulumi SDK serializes {@code Output.ofSecret(value)} for the engine. */
    private static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("4dabf18193072939515e22adb298388d", text("1b47061264138c4ac30d75fd1eb44270"))
                .putFields("value", value)).build();
    }

    @Test
    void secretValuesBecomeAPlaceholderAtAnyDepth() {
        Struct inputs = Struct.newBuilder()
                .putFields("stringData", secret(Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields("token", text("xoxb-123"))).build()))
                .putFields("args", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(text("--cookie"))
                        .addValues(secret(text("hunter2")))).build())
                .build();

        String json = StructJson.of(inputs).toString();

        assertThat(json).isEqualTo("{\"args\":[\"--cookie\",\"[secret]\"],\"stringData\":\"[secret]\"}");
    }

    @Test
    void wholeNumbersStayIntegersAndUnknownsAreNamed() {
        Struct inputs = Struct.newBuilder()
                .putFields("replicas", Value.newBuilder().setNumberValue(3).build())
                .putFields("ratio", Value.newBuilder().setNumberValue(0.25).build())
                .putFields("id", text("04da6b54-80e4-46f7-96ec-b56ff0331ba9"))
                .build();

        assertThat(StructJson.of(inputs).toString()).isEqualTo("{\"id\":\"[unknown]\",\"ratio\":0.25,\"replicas\":3}");
    }
}
