package dev.tracestack.render.jaeger;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.testing.Golden;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered Jaeger and Elasticsearch artifacts of the real stage and prod stacks, against golden files. */
class JaegerGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void jaegerAndIlmArtifactsMatchTheirGoldenFiles(String stack) {
        RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));

        for (String path : new String[] {JaegerArtifacts.COLLECTOR_CONFIG, JaegerArtifacts.QUERY_CONFIG,
                JaegerArtifacts.STRATEGIES, JaegerArtifacts.UI_CONFIG, ElasticsearchArtifacts.ILM_POLICY_FILE,
                ElasticsearchArtifacts.NODE_CONFIG_FILE}) {
            Golden.assertMatches(golden(stack, path), rendered.file(path));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void snapshotArtifactsMatchTheirGoldenFiles(String stack) {
        RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));

        Golden.assertMatches(golden(stack, ElasticsearchArtifacts.SLM_POLICY_FILE),
                rendered.file(ElasticsearchArtifacts.SLM_POLICY_FILE));
        Golden.assertMatches(golden(stack, ElasticsearchArtifacts.SNAPSHOT_REPOSITORY_FILE),
                rendered.file(ElasticsearchArtifacts.SNAPSHOT_REPOSITORY_FILE));
    }

    /** {@code jaeger/x.yaml} of stack s lives at {@code golden/jaeger/s/x.yaml}. */
    private static String golden(String stack, String artifact) {
        return artifact.replaceFirst("/", "/" + stack + "/");
    }
}
