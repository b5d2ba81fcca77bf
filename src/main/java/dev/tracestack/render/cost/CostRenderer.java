package dev.tracestack.render.cost;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.util.Map;

/** The estimate as a plan artifact, {@code cost.json}: items, assumptions, prices with sources, total, budget. */
public final class CostRenderer {

    public static final String ARTIFACT = "cost.json";

    private CostRenderer() {
    }

    /** The cost artifact of a Kubernetes stack whose region has a price book; nothing otherwise. */
    public static Map<String, String> render(StackConfig config) {
        if (config.platform() != Platform.KUBERNETES) {
            return Map.of();
        }
        return CostEstimator.tryEstimate(config).map(e -> Map.of(ARTIFACT, Artifacts.json(e))).orElse(Map.of());
    }
}
