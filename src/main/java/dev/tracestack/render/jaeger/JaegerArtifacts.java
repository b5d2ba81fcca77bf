package dev.tracestack.render.jaeger;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jaeger's artifacts by path under {@code jaeger/}: the cluster's two roles ({@link RenderedJaeger}) or the
 * local stack's single process, and the strategies and UI config both serve.
 */
public final class JaegerArtifacts {

    public static final String COLLECTOR_CONFIG = "jaeger/collector-config.yaml";
    public static final String QUERY_CONFIG = "jaeger/query-config.yaml";
    /** Both roles in one process: the local stack's single Jaeger container. */
    public static final String ALL_IN_ONE_CONFIG = "jaeger/config.yaml";
    public static final String STRATEGIES = "jaeger/" + JaegerConfigRenderer.STRATEGIES_FILE;
    public static final String UI_CONFIG = "jaeger/" + JaegerConfigRenderer.UI_CONFIG_FILE;

    private JaegerArtifacts() {
    }

    /** The local stack's Jaeger: one process with both roles, the strategies and the UI config. */
    public static Map<String, String> allInOne(StackConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ALL_IN_ONE_CONFIG, Artifacts.yaml(JaegerConfigRenderer.allInOne(config)));
        files.put(STRATEGIES, strategies(config));
        files.put(UI_CONFIG, uiConfig(config));
        return files;
    }

    static String strategies(StackConfig config) {
        return Artifacts.json(SamplingStrategiesRenderer.strategies(config));
    }

    static String uiConfig(StackConfig config) {
        return Artifacts.json(UiConfigRenderer.uiConfig(config));
    }
}
