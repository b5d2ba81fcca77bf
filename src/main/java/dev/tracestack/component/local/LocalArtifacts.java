package dev.tracestack.component.local;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import java.util.List;

/**
 * What the local containers mount and run, taken from the shared renderers' output for this stack (which
 * rendered them with the local network's endpoints): nothing here is rendered a second time.
 *
 * @param collectorTier      the collector tier the local stack runs (the gateway, which also exports)
 * @param collectorConfig    that tier's config file
 * @param jaegerConfig       Jaeger v2's config file with both roles
 * @param samplingStrategies the remote-sampling strategies Jaeger serves
 * @param uiConfig           the Jaeger UI's config file
 * @param ilmPolicy          the body of the ILM policy Jaeger's indices roll over and expire by
 * @param ilmPolicyName      the name that policy is stored under, which the rollover init expects
 * @param rolloverInitFlags  the flags of {@code jaeger-es-rollover init} after the Elasticsearch URL
 */
public record LocalArtifacts(CollectorTier collectorTier, String collectorConfig, String jaegerConfig,
                             String samplingStrategies, String uiConfig, String ilmPolicy, String ilmPolicyName,
                             List<String> rolloverInitFlags) {

    public LocalArtifacts {
        rolloverInitFlags = List.copyOf(rolloverInitFlags);
    }

    /** Picks the local stack's texts out of everything rendered for the stack. */
    public static LocalArtifacts of(StackConfig config, RenderedStack rendered) {
        CollectorTier gateway = CollectorTier.of(config).get(0);
        return new LocalArtifacts(gateway,
                rendered.file(gateway.artifact()),
                rendered.file(JaegerArtifacts.ALL_IN_ONE_CONFIG),
                rendered.file(JaegerArtifacts.STRATEGIES),
                rendered.file(JaegerArtifacts.UI_CONFIG),
                rendered.file(ElasticsearchArtifacts.ILM_POLICY),
                JaegerIndices.ILM_POLICY,
                JaegerIndices.rolloverInitFlags(config));
    }
}
