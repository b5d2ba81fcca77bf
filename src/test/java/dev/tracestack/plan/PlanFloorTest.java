package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/**
 * bench/plan-time.sh sets each stack's plan against the SDK's floor with the same number of resources; the
 * comparison holds only if the floor registers exactly that many with the engine.
 */
class PlanFloorTest {

    @Test
    void theFloorRegistersAsManyResourcesAsTheStacksPlan() {
        int planned = StackHarness.synth("dev").resources().size();

        assertThat(PlanFloor.register("dev", planned)).isEqualTo(planned);
    }
}
