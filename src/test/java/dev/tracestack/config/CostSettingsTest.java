package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per {@code tracestack:cost} rule, each asserting the exact message: file, key, value and rule. */
class CostSettingsTest {

    /** Prod's cost section with some fields replaced, as the stack file would hold it. */
    private static Map<String, String> cost(String fieldsJson) {
        return Map.of(ConfigKeys.COST, "{\"spansPerSecond\": 40, \"monthlyBudgetUsd\": 200, " + fieldsJson + "}");
    }

    @Test
    void negativeTrafficIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.COST, "{\"spansPerSecond\": -1}")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.spansPerSecond must be at least 0, got -1");
    }

    @Test
    void aSpanOfNoBytesIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"avgSpanBytes\": 0")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.avgSpanBytes must be greater than 0, got 0");
    }

    @Test
    void fewerThanOneSpanPerTraceIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"spansPerTrace\": 0.5"))).isEqualTo("Pulumi.prod.yaml: "
                + "tracestack:cost.spansPerTrace must be at least 1 (every trace has its root span), got 0.5");
    }

    @Test
    void anErrorShareAboveOneIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"errorTraceShare\": 1.5")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.errorTraceShare must be within [0, 1], got 1.5");
    }

    @Test
    void aNegativeSlowShareIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"slowTraceShare\": -0.1")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.slowTraceShare must be within [0, 1], got -0.1");
    }

    @Test
    void noServicesIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"services\": 0")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.services must be at least 1, got 0");
    }

    @Test
    void noOperationsIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"operationsPerService\": 0")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.operationsPerService must be at least 1, got 0");
    }

    @Test
    void aBudgetOfNothingIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.COST, "{\"monthlyBudgetUsd\": 0}")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.monthlyBudgetUsd must be greater than 0, got 0");
    }

    @Test
    void aMalformedBillingAccountIsRejected() {
        assertThat(ConfigErrors.of("prod", cost("\"billingAccount\": \"billing-123\""))).isEqualTo("Pulumi.prod.yaml: "
                + "tracestack:cost.billingAccount must be a Cloud Billing account id such as 012345-6789AB-CDEF01, "
                + "got billing-123");
    }

    @Test
    void aBillingAccountWithoutABudgetIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.COST, "{\"billingAccount\": \"012345-6789AB-CDEF01\"}")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.monthlyBudgetUsd is required when "
                        + "tracestack:cost.billingAccount is set (it is the budget's amount), it is not set");
    }

    @Test
    void enforcingABudgetThatIsNotSetIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.COST, "{\"enforceBudget\": true}")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.monthlyBudgetUsd is required when "
                        + "tracestack:cost.enforceBudget is true, it is not set");
    }

    @Test
    void anUnknownGkeModeIsRejectedWithTheChoices() {
        assertThat(ConfigErrors.of("prod", cost("\"gkeMode\": \"serverless\"")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.gkeMode must be one of autopilot, standard, "
                        + "got serverless");
    }

    @Test
    void aTextWhereANumberBelongsIsRejected() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.COST, "{\"spansPerSecond\": \"lots\"}")))
                .isEqualTo("Pulumi.prod.yaml: tracestack:cost.spansPerSecond must be a number, got lots");
    }

    @Test
    void aMisspelledKeyGetsANearMissSuggestion() {
        assertThat(ConfigErrors.of("prod", cost("\"monthlyBudgetUSD\": 100"))).isEqualTo("Pulumi.prod.yaml: "
                + "tracestack:cost.monthlyBudgetUSD is not a known key (did you mean tracestack:cost.monthlyBudgetUsd?)"
                + ", got 100");
    }

    @Test
    void omittedKeysTakeTheDocumentedDefaults() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of(ConfigKeys.COST, "{}")));

        assertThat(config.cost()).isEqualTo(new CostSettings(10, 800, 7, 0.02, 0.05, 4, 8,
                java.util.Optional.empty(), CostSettings.GkeMode.AUTOPILOT, java.util.Optional.empty(), false));
    }
}
