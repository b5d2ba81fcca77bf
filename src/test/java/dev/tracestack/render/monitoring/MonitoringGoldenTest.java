package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.Golden;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every monitoring artifact of every cloud stack, as a reviewer reads it, against its golden file. */
class MonitoringGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void monitoringArtifactsMatchTheirGoldenFiles(String stack) {
        Map<String, String> files = MonitoringRenderer.render(StackHarness.config(stack)).files();

        assertThat(files).containsKeys(MonitoringRenderer.ALERT_POLICIES, MonitoringRenderer.CHANNELS,
                MonitoringRenderer.CATALOG, MonitoringRenderer.dashboardPath("overview"));
        files.forEach((path, text) -> Golden.assertMatches(stack + "/" + path, text));
    }
}
