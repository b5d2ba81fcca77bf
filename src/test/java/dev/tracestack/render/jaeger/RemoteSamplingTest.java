package dev.tracestack.render.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Jaeger serves the SDKs: every trace started, whatever the stack's rate (the sampler tier applies it), also
 * where Jaeger falls back on its own default probability instead of the strategies file.
 */
class RemoteSamplingTest {

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void jaegersFallbackProbabilityIsTheStrategiesDefaultNotTheStacksRate(String stack) throws Exception {
        RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));
        JsonNode file = Artifacts.YAML.readTree(rendered.file(JaegerArtifacts.COLLECTOR_CONFIG))
                .path("extensions").path("remote_sampling").path("file");
        JsonNode strategies = Artifacts.JSON.readTree(rendered.file(JaegerArtifacts.STRATEGIES));

        assertThat(strategies.path("default_strategy").path("param").asDouble()).isEqualTo(1.0);
        assertThat(file.path("default_sampling_probability").isNumber()).isTrue();
        assertThat(file.path("default_sampling_probability").asDouble()).isEqualTo(1.0);
    }
}
