package dev.tracestack.component.billing;

import static dev.tracestack.testing.PlanAssert.assertThatPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ConfigOverrides;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.GcpApis;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The billing budget a stack gets where {@code cost.billingAccount} is set, as the mock engine records it. */
class EnvironmentBudgetGraphTest {

    private static final String BUDGET = "gcp:billing/budget:Budget";
    private static final String ACCOUNT = "012345-6789AB-CDEF01";
    private static Plan prod;

    @BeforeAll
    static void planProdWithABillingAccount() {
        prod = PlanEngine.plan(StackConfigParser.parse(ConfigOverrides.apply(StackHarness.source("prod"),
                List.of("cost.billingAccount=" + ACCOUNT))));
    }

    @Test
    void withoutABillingAccountNoStackHasABudget() {
        for (String stack : StackHarness.CLOUD_STACKS) {
            assertThatPlan(StackHarness.synth(stack)).resourceCountIs(BUDGET, 0)
                    .resourceCountIs(EnvironmentBudget.TYPE, 0);
        }
    }

    @Test
    void theBudgetIsAComponentUnderTheStackWithOneChildNamedByItsRole() {
        assertThat(prod.get(EnvironmentBudget.TYPE, "billing").parent()).isEqualTo("tracestack");
        assertThat(prod.childrenOf("billing")).extracting(PlannedResource::name, PlannedResource::type)
                .containsExactly(tuple("billing-budget", BUDGET));
        assertThat(prod.get(BUDGET, "billing-budget").provider()).isEqualTo("gcp");
    }

    @Test
    void itBudgetsTheMonthlyAmountOfTheStackOnItsBillingAccount() {
        assertThatPlan(prod).resourceCountIs(BUDGET, 1).hasResourceProperties(BUDGET, """
                {"billingAccount": "012345-6789AB-CDEF01",
                 "displayName": "tracestack prod (dta-cloud-de-prod)",
                 "amount": {"specifiedAmount": {"currencyCode": "USD", "units": "200"}}}""");
        assertThat(prod.get(BUDGET, "billing-budget").input("amount.specifiedAmount.nanos").asInt()).isZero();
    }

    @Test
    void itCountsOnlyTheStacksProjectByMonth() {
        PlannedResource budget = prod.get(BUDGET, "billing-budget");

        assertThat(budget.input("budgetFilter.projects").get(0).asText()).matches("projects/\\d{12}");
        assertThat(budget.input("budgetFilter.calendarPeriod").asText()).isEqualTo("MONTH");
    }

    @Test
    void itNotifiesAtHalfNineTenthsAndAllOfTheActualSpend() {
        JsonNode rules = prod.get(BUDGET, "billing-budget").input("thresholdRules");

        assertThat(rules).extracting(r -> r.path("thresholdPercent").asDouble()).containsExactly(0.5, 0.9, 1.0);
        assertThat(rules).extracting(r -> r.path("spendBasis").asText()).containsOnly("CURRENT_SPEND");
    }

    @Test
    void itNotifiesTheEnvironmentsMonitoringChannels() {
        PlannedResource budget = prod.get(BUDGET, "billing-budget");

        assertThat(budget.input("allUpdatesRule.monitoringNotificationChannels").get(0).asText())
                .isEqualTo("projects/dta-cloud-de-prod/notificationChannels/monitoring-email");
        assertThat(budget.input("allUpdatesRule.monitoringNotificationChannels")).hasSize(
                prod.ofType("gcp:monitoring/notificationChannel:NotificationChannel").size());
    }

    @Test
    void itWaitsForTheBillingBudgetsApi() {
        String api = "gcp-identity-api-" + GcpApis.shortName(GcpApis.BILLING_BUDGETS);

        assertThat(prod.ofType("gcp:projects/service:Service")).extracting(PlannedResource::name).contains(api);
        assertThat(prod.get(BUDGET, "billing-budget").dependsOn()).contains(api);
        assertThat(StackHarness.synth("prod").ofType("gcp:projects/service:Service"))
                .extracting(PlannedResource::name).doesNotContain(api);
    }
}
