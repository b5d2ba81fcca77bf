package dev.tracestack.render.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.Golden;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every artifact rendered for the local stack (all of them mounted by its containers), against golden files under
 * {@code golden/<area>/local/} (update with {@code -Dgolden.update=true}, then review the diff).
 */
class LocalGoldenTest {

    @Test
    void everyArtifactOfTheLocalStackMatchesItsGoldenFile() {
        Map<String, String> files = new TreeMap<>(RenderedStack.render(StackHarness.config("local")).files());
        files.remove("stack-config.json");

        assertThat(files).containsOnlyKeys("collector/gateway.yaml", "jaeger/config.yaml",
                "jaeger/sampling-strategies.json", "jaeger/ui-config.json", "elasticsearch/ilm-policy.json",
                "elasticsearch/init.sh");
        files.forEach((path, text) -> Golden.assertMatches(path.replaceFirst("/", "/local/"), text));
    }
}
