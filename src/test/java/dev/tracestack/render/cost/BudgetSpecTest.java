package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** The budget a stack asks for, derived from its config. */
class BudgetSpecTest {

    @Test
    void aStackWithoutABillingAccountGetsNoBudget() {
        assertThat(BudgetSpec.of(StackHarness.config("prod"))).isEmpty();
    }

    @Test
    void theBudgetIsTheMonthlyAmountOverTheStacksProjectWithThreeThresholds() {
        BudgetSpec spec = BudgetSpec.of(Estimates.config("prod", "cost.billingAccount=012345-6789AB-CDEF01"))
                .orElseThrow();

        assertThat(spec.billingAccount()).isEqualTo("012345-6789AB-CDEF01");
        assertThat(spec.project()).isEqualTo("dta-cloud-de-prod");
        assertThat(spec.displayName()).isEqualTo("tracestack prod (dta-cloud-de-prod)");
        assertThat(spec.units()).isEqualTo("200");
        assertThat(spec.nanos()).isZero();
        assertThat(spec.thresholds()).containsExactly(0.5, 0.9, 1.0);
    }

    @Test
    void centsBecomeNanos() {
        BudgetSpec spec = BudgetSpec.of(Estimates.config("dev", "cost.billingAccount=012345-6789AB-CDEF01",
                "cost.monthlyBudgetUsd=15.75")).orElseThrow();

        assertThat(spec.units()).isEqualTo("15");
        assertThat(spec.nanos()).isEqualTo(750_000_000);
    }
}
