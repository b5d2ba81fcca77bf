package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** The rehearsal's traffic has traces of every service whose settings a check or an alert condition reads. */
class OwnServicesTest {

    @Test
    void prodsServiceWithObjectivesOfItsOwnGetsTrafficOfItsOwn() {
        StackConfig prod = StackHarness.config("prod");

        // Its objective labels are on its spans only: without its own traffic the conditions on them select nothing.
        assertThat(ServiceRateCheck.services(prod)).doesNotContain("critical-service");
        assertThat(Rehearsal.ownServices(prod)).contains("critical-service");
    }

    @Test
    void stagesServicesWithRatesOfTheirOwnStayAsTheyWere() {
        StackConfig stage = StackHarness.config("stage");

        assertThat(Rehearsal.ownServices(stage)).containsExactlyElementsOf(ServiceRateCheck.services(stage));
    }
}
