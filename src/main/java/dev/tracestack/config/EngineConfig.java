package dev.tracestack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config the Pulumi engine hands a Java program: the language host sets {@code PULUMI_CONFIG} (a JSON
 * object of {@code namespace:key} to string) and {@code PULUMI_CONFIG_SECRET_KEYS} (a JSON list).
 */
public final class EngineConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineConfig() {
    }

    public static ConfigSource fromEnvironment(Map<String, String> env) {
        String stack = env.getOrDefault("PULUMI_STACK", "");
        String file = ConfigSource.stackFileName(stack);
        try {
            Map<String, String> values = JSON.readValue(env.getOrDefault("PULUMI_CONFIG", "{}"),
                    new TypeReference<Map<String, String>>() { });
            List<String> secretKeys = JSON.readValue(env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]"),
                    new TypeReference<List<String>>() { });
            return new ConfigSource(stack, file, values, Set.copyOf(secretKeys));
        } catch (JsonProcessingException malformed) {
            throw new InvalidConfigException(new ConfigProblem(file, null, null,
                    "the engine's PULUMI_CONFIG is not a JSON object of strings: " + malformed.getOriginalMessage()));
        }
    }
}
