package dev.tracestack.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A config value set with {@code pulumi config set --secret}. Its text never appears in
 * {@link #toString()}, plans or logs; offline the value is usually unknown (the file holds ciphertext).
 *
 * @param key   the full config key
 * @param value the decrypted value when the engine supplied it, empty when only its presence is known
 */
public record Secret(String key, Optional<String> value) {

    /** A secret must have been set with {@code --secret}: a plaintext value in a stack file is an error. */
    static Optional<Secret> read(ConfigSection root, ConfigSource source, String key) {
        Optional<String> value = root.string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!source.secretKeys().contains(key)) {
            root.problem(key, "(plaintext, not shown)",
                    "must be set as a secret with `pulumi config set --secret " + key + " <value>`");
            return Optional.empty();
        }
        return Optional.of(new Secret(key, value.filter(v -> !v.equals(StackFileReader.ENCRYPTED))));
    }

    /** Also what serializers write, so a rendered config can never carry the value. */
    @JsonValue
    @Override
    public String toString() {
        return "[secret]";
    }
}
