package dev.tracestack.testing;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * What the providers answer {@link FakePulumiEngine}: a created resource's state, its inputs and the properties
 * the program reads that a provider computes, and the Google provider's project lookup, with fake values.
 */
final class FakeProviders {

    /** What a provider computes on creation, by resource type, from the resource's inputs. */
    private static final Map<String, Function<Struct, Map<String, String>>> COMPUTED = Map.of(
            "gcp:serviceaccount/account:Account", inputs -> {
                String project = text(inputs, "project");
                String email = text(inputs, "accountId") + "@" + project + ".iam.gserviceaccount.com";
                return Map.of("email", email, "name", "projects/" + project + "/serviceAccounts/" + email);
            },
            "gcp:monitoring/notificationChannel:NotificationChannel",
            inputs -> Map.of("name", "projects/" + text(inputs, "project") + "/notificationChannels/1"),
            "gcp:monitoring/alertPolicy:AlertPolicy",
            inputs -> Map.of("name", "projects/" + text(inputs, "project") + "/alertPolicies/1"),
            "random:index/randomPassword:RandomPassword", inputs -> Map.of("result", "not-a-real-password"));

    private FakeProviders() {
    }

    /** The state of the resource {@code request} registers, once created. */
    static Struct created(RegisterResourceRequest request) {
        Struct.Builder state = request.getObject().toBuilder();
        COMPUTED.getOrDefault(request.getType(), inputs -> Map.of()).apply(request.getObject())
                .forEach((key, value) -> state.putFields(key, text(value)));
        return state.build();
    }

    /** The result of the function {@code token}, where a provider here answers it. */
    static Optional<Struct> invoke(String token) {
        if (!token.equals("gcp:organizations/getProject:getProject")) {
            return Optional.empty();
        }
        return Optional.of(Struct.newBuilder()
                .putFields("projectId", text("fake-project"))
                .putFields("number", text("123456789012"))
                .putFields("name", text("fake-project"))
                .build());
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static String text(Struct struct, String field) {
        return struct.getFieldsOrDefault(field, Value.getDefaultInstance()).getStringValue();
    }
}
