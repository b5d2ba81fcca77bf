package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cost.enforceBudget}: an estimate above the budget is a config error, with the estimate in the message. */
class BudgetCheckTest {

    @Test
    void anEnforcedBudgetBelowTheEstimateIsAConfigError() {
        assertThat(ConfigErrors.of("dev", Map.of(ConfigKeys.COST, "{\"monthlyBudgetUsd\": 15, \"enforceBudget\": true, "
                + "\"gkeMode\": \"standard\", \"spansPerSecond\": 2}")))
                .startsWith("Pulumi.dev.yaml: tracestack:cost.monthlyBudgetUsd must cover the estimated $")
                .contains(" a month while tracestack:cost.enforceBudget is true (largest: monitoring.alerting $")
                .endsWith("; ./tracestack cost dev itemises it), got 15");
    }

    @Test
    void anEnforcedBudgetAboveTheEstimatePasses() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev", Map.of(ConfigKeys.COST,
                "{\"monthlyBudgetUsd\": 1000, \"enforceBudget\": true}")));

        assertThat(config.cost().enforceBudget()).isTrue();
        assertThat(RenderedStack.render(config).files()).containsKey(CostRenderer.ARTIFACT);
    }

    @Test
    void anEnforcedBudgetInARegionWithoutPricesSaysSo() {
        Map<String, String> overrides = new HashMap<>(Map.of(ConfigKeys.GCP_REGION, "us-east1",
                ConfigKeys.COST, "{\"monthlyBudgetUsd\": 15, \"enforceBudget\": true}"));
        overrides.put(ConfigKeys.BIGQUERY, "{\"location\": \"US\"}");

        assertThat(ConfigErrors.of("dev", overrides)).isEqualTo("Pulumi.dev.yaml: tracestack:cost.enforceBudget needs an "
                + "estimate, and there is no price book for gcp:region us-east1 "
                + "(src/main/resources/pricing/gcp-us-east1.json; see docs/cost.md), got true");
    }

    @Test
    void withoutEnforcementAnOverBudgetStackIsOnlyWarnedAbout() {
        StackConfig config = StackHarness.config("dev");

        assertThat(config.cost().enforceBudget()).isFalse();
        assertThat(CostEstimator.estimate(config).overBudget()).isTrue();
        assertThat(BudgetCheck.problems(config)).isEmpty();
    }
}
