package dev.tracestack.render.cost;

import dev.tracestack.render.Artifacts;
import java.util.Map;

/** The estimate as a plan artifact, {@code cost.json}: items, assumptions, prices with sources, total, budget. */
public final class CostRenderer {

    public static final String ARTIFACT = "cost.json";

    private CostRenderer() {
    }

    /** The estimate's artifact by path. */
    public static Map<String, String> files(CostEstimate estimate) {
        return Map.of(ARTIFACT, Artifacts.json(estimate));
    }
}
