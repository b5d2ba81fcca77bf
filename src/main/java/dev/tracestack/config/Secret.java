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

    /** Serializers (the plan's stack-config.json) see only the marker, never the value. */
    @JsonValue
    @Override
    public String toString() {
        return "[secret]";
    }
}
