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
                JaegerArtifacts.STRATEGIES, JaegerArtifacts.UI_CONFIG, ElasticsearchArtifacts.ILM_POLICY,
                ElasticsearchArtifacts.NODE_CONFIG}) {
            Golden.check(golden(stack, path), rendered.file(path));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void snapshotArtifactsMatchTheirGoldenFiles(String stack) {
        RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));

        Golden.check(golden(stack, ElasticsearchArtifacts.SLM_POLICY),
                rendered.file(ElasticsearchArtifacts.SLM_POLICY));
        Golden.check(golden(stack, ElasticsearchArtifacts.SNAPSHOT_REPOSITORY),
                rendered.file(ElasticsearchArtifacts.SNAPSHOT_REPOSITORY));
    }

    /** {@code jaeger/x.yaml} of stack s lives at {@code golden/jaeger/s/x.yaml}. */
    private static String golden(String stack, String artifact) {
        return artifact.replaceFirst("/", "/" + stack + "/");
    }
}
