package dev.tracestack.component.local;

import dev.tracestack.render.collector.CollectorTier;
import java.util.List;

/**
 * The rendered texts and values the local containers use, taken from the same renderers the Kubernetes
 * parts use (called with the local network's endpoints).
 *
 * @param collectorTier     the collector tier the local stack runs (the gateway, which also exports)
 * @param collectorConfig   that tier's config file
 * @param jaegerConfig      Jaeger v2's config file
 * @param ilmPolicy         the body of the ILM policy Jaeger's indices roll over and expire by
 * @param ilmPolicyName     the name that policy is stored under, which the rollover init expects
 * @param rolloverInitFlags the flags of {@code jaeger-es-rollover init} after the Elasticsearch URL
 */
public record LocalArtifacts(CollectorTier collectorTier, String collectorConfig, String jaegerConfig, String ilmPolicy, String ilmPolicyName,
                             List<String> rolloverInitFlags) {

    public LocalArtifacts {
        rolloverInitFlags = List.copyOf(rolloverInitFlags);
    }
}
