package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** Paths of the query role's HTTP server (UI and API) sit under the UI base path, joined with one slash. */
class JaegerUiPathTest {

    @Test
    void aPathUnderTheStageBasePathStartsWithIt() {
        // GIVEN stage, whose UI is served under /jaeger
        JaegerSettings jaeger = StackHarness.config("stage").jaeger();

        // WHEN the API path is put under it, THEN the base path prefixes it once
        assertThat(jaeger.underUiBasePath("/api/services")).isEqualTo("/jaeger/api/services");
    }

    @Test
    void aRootBasePathAddsNothing() {
        // GIVEN the local stack, whose UI is served at the root
        JaegerSettings jaeger = StackHarness.config("local").jaeger();

        // WHEN paths are put under it, THEN no doubled slash appears and the root itself is empty
        assertThat(jaeger.underUiBasePath("/api/services")).isEqualTo("/api/services");
        assertThat(jaeger.underUiBasePath("")).isEmpty();
    }
}
