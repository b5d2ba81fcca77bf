package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.Golden;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The BigQuery artifacts per stack, against {@code golden/bigquery/<stack>/}. */
class BigQueryGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void bigQueryArtifactsMatchTheirGoldenFiles(String stack) {
        Map<String, String> files = BigQueryRenderer.render(StackHarness.config(stack)).files();

        assertThat(files).containsKeys(BigQueryRenderer.RAW_SCHEMA, BigQueryRenderer.SINKS);
        files.forEach((path, text) -> Golden.assertMatches(
                path.replaceFirst("^bigquery/", "bigquery/" + stack + "/"), text));
    }

    @Test
    void aStackWithoutTheBigQueryExporterRendersNoBigQueryArtifact() {
        var config = dev.tracestack.config.StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:exporters", "{\"cloudTrace\":true,\"jaeger\":false,\"bigQuery\":false}")));

        assertThat(RenderedStack.render(config).sinks()).isEmpty();
        assertThat(RenderedStack.render(config).files()).noneSatisfy((path, text) -> assertThat(path).startsWith("bigquery/"));
    }
}
