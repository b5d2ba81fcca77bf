package dev.tracestack.render.collector;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps for the untyped component bodies, so rendered YAML keeps a stable, readable order. */
final class Body {

    private Body() {
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
