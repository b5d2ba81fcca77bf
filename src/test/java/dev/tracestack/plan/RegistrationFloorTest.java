package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/**
 * bench/plan-time.sh times the registration of a stack's resources apart from everything else a plan does; the
 * time stands for the plan's only if the same resources are registered.
 */
class RegistrationFloorTest {

    @Test
    void theRegistrationOfARenderedStackRegistersThePlansResources() {
        StackConfig config = StackHarness.config("stage");

        assertThat(RegistrationFloor.register(config, RenderedStack.render(config)))
                .isEqualTo(StackHarness.synth("stage").resources());
    }
}
