package dev.tracestack.render.jaeger;

import dev.tracestack.config.StackConfig;
import java.util.Map;

/**
 * The Jaeger UI's configuration file: the dependency graph (filled by the spark-dependencies job) and a
 * search lookback no longer than the data Elasticsearch keeps (seed 004 §5.2).
 */
public final class UiConfigRenderer {

    private UiConfigRenderer() {
    }

    public static Map<String, Object> uiConfig(StackConfig config) {
        int lookbackHours = config.retentionDays() * 24;
        return Map.of(
                "dependencies", Map.of("menuEnabled", true),
                "search", Map.of("maxLookback", Map.of(
                        "label", config.retentionDays() + " Days",
                        "value", lookbackHours + "h")));
    }
}
