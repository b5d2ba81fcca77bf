package dev.tracestack.component.local;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param initScript         the script the cluster's init Job runs too: waits for Elasticsearch, PUTs the policy
 * @param rolloverSettings   {@code jaeger-es-rollover}'s environment, as the cluster's init Job has it
 */
public record LocalArtifacts(CollectorTier collectorTier, String collectorConfig, String jaegerConfig,
                             String samplingStrategies, String uiConfig, String ilmPolicy, String initScript,
                             Map<String, String> rolloverSettings) {

    public LocalArtifacts {
        rolloverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(rolloverSettings));
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
                rendered.file(ElasticsearchArtifacts.INIT_SCRIPT),
                JaegerIndices.rolloverSettings(config));
    }
}
