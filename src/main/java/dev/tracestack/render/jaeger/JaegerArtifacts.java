package dev.tracestack.render.jaeger;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every Jaeger artifact, by path under {@code jaeger/}; empty where Jaeger is off. */
public final class JaegerArtifacts {

    public static final String COLLECTOR_CONFIG = "jaeger/collector-config.yaml";
    public static final String QUERY_CONFIG = "jaeger/query-config.yaml";
    /** Both roles in one process: the local stack's single Jaeger container. */
    public static final String ALL_IN_ONE_CONFIG = "jaeger/config.yaml";
    public static final String STRATEGIES = "jaeger/" + JaegerConfigRenderer.STRATEGIES_FILE;
    public static final String UI_CONFIG = "jaeger/" + JaegerConfigRenderer.UI_CONFIG_FILE;

    private JaegerArtifacts() {
    }

    public static Map<String, String> render(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!config.jaeger().enabled()) {
            return files;
        }
        if (config.platform() == Platform.DOCKER) {
            files.put(ALL_IN_ONE_CONFIG, Artifacts.yaml(JaegerConfigRenderer.allInOne(config)));
        } else {
            files.put(COLLECTOR_CONFIG, Artifacts.yaml(JaegerConfigRenderer.collector(config)));
            files.put(QUERY_CONFIG, Artifacts.yaml(JaegerConfigRenderer.query(config)));
        }
        files.put(STRATEGIES, Artifacts.json(SamplingStrategiesRenderer.strategies(config)));
        files.put(UI_CONFIG, Artifacts.json(UiConfigRenderer.uiConfig(config)));
        return files;
    }
}
