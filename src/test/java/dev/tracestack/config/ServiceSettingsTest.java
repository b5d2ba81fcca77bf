package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per message of a service's own settings in the stack file; each names file, key, value and rule. */
class ServiceSettingsTest {

    private static final String PROD_ALERTS_WITH_PAYMENTS = "{\"strictness\": \"strict\", \"notificationEmail\": "
            + "\"tracing-oncall@example.com\", \"teams\": {\"payments\": {\"notificationEmail\": \"p@example.com\"}}}";

    /** stage with one service, checkout, whose settings are the JSON given. */
    private static String problems(String checkout) {
        return ConfigErrors.of("stage", Map.of(ConfigKeys.SERVICES, "{\"checkout\": " + checkout + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate", "errorRate", "slowRate"})
    void aRateOutsideZeroToOneIsRejected(String field) {
        assertThat(problems("{\"sampling\": {\"" + field + "\": 1.5}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.sampling." + field
                        + " must be within [0, 1], got 1.5");
    }

    @Test
    void anOperationRateBelowZeroIsRejected() {
        assertThat(problems("{\"sampling\": {\"operations\": {\"GET /x\": {\"rate\": -0.1}}}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.sampling.operations.GET /x.rate "
                        + "must be within [0, 1], got -0.1");
    }

    @Test
    void aRateLimitOfZeroIsRejected() {
        assertThat(problems("{\"sampling\": {\"maxTracesPerSecond\": 0}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.sampling.maxTracesPerSecond "
                        + "must be greater than 0, got 0");
    }

    @Test
    void aRateAndARateLimitTogetherAreRejected() {
        assertThat(problems("{\"sampling\": {\"rate\": 0.5, \"maxTracesPerSecond\": 10}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.sampling must set at most one of rate "
                        + "(the collector keeps that share) or maxTracesPerSecond (the SDKs start at most that many): "
                        + "each says the service's rate, it is not set");
    }

    @Test
    void aLatencyObjectiveOfZeroIsRejected() {
        assertThat(problems("{\"slo\": {\"latencyP95Ms\": 0}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.slo.latencyP95Ms must be greater than 0, "
                        + "got 0");
    }

    @Test
    void anErrorRateObjectiveAboveAHundredPercentIsRejected() {
        assertThat(problems("{\"slo\": {\"errorRatePercent\": 120}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.slo.errorRatePercent must be within "
                        + "(0, 100], got 120");
    }

    @Test
    void aNameWithSpacesIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.SERVICES, "{\"check out\": {\"sampling\": {\"rate\": 1}}}")))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.check out must be a service.name of 1 to 255 "
                        + "letters, digits, '.', '_', '-', ':' or '/', starting with a letter or digit, got check out");
    }

    @Test
    void theNameSdksReportWithoutAServiceNameIsRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.SERVICES,
                "{\"unknown_service:java\": {\"sampling\": {\"rate\": 0.1}}}")))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.unknown_service:java must not start with "
                        + "unknown_service: SDKs report that name when service.name is not set (set OTEL_SERVICE_NAME "
                        + "in the service instead), got unknown_service:java");
    }

    @Test
    void twoNamesThatDifferOnlyInCaseAreRejected() {
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.SERVICES,
                "{\"checkout\": {\"sampling\": {\"rate\": 1}}, \"Checkout\": {\"sampling\": {\"rate\": 0.1}}}")))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.Checkout differs only in case from the service "
                        + "checkout (service.name is matched exactly, so one of the two is mistyped), got Checkout");
    }

    @Test
    void aMistypedKeyIsRejectedWithTheKeyMeant() {
        assertThat(problems("{\"sampling\": {\"rat\": 0.5}}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.sampling.rat is not a known key "
                        + "(did you mean tracestack:services.checkout.sampling.rate?), got 0.5");
    }

    @Test
    void aTeamThatAlertsDoNotDefineIsRejectedWithTheTeamMeant() {
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.SERVICES, "{\"checkout\": {\"team\": \"payment\"}}",
                ConfigKeys.ALERTS, PROD_ALERTS_WITH_PAYMENTS)))
                .isEqualTo("Pulumi.prod.yaml: tracestack:services.checkout.team must name a team of "
                        + "tracestack:alerts.teams (did you mean payments?), got payment");
    }

    @Test
    void aTeamWhereAlertsDefineNoneIsRejected() {
        assertThat(problems("{\"team\": \"payments\"}"))
                .isEqualTo("Pulumi.stage.yaml: tracestack:services.checkout.team must name a team of "
                        + "tracestack:alerts.teams, which names none, got payments");
    }

    @Test
    void headSettingsWithoutJaegerAreRejected() {
        assertThat(ConfigErrors.of("dev", Map.of(ConfigKeys.SERVICES,
                "{\"search\": {\"sampling\": {\"maxTracesPerSecond\": 100}}}")))
                .isEqualTo("Pulumi.dev.yaml: tracestack:services.search.sampling must not set maxTracesPerSecond or "
                        + "operations while tracestack:jaeger.enabled is false: Jaeger's remote sampling is what "
                        + "serves them to the service's SDKs, it is not set");
    }

    @Test
    void aRateBelowOneOnDockerIsRejected() {
        assertThat(ConfigErrors.of("local", Map.of(ConfigKeys.SERVICES, "{\"checkout\": {\"sampling\": {\"rate\": 0.5}}}")))
                .isEqualTo("Pulumi.local.yaml: tracestack:services.checkout.sampling.rate must be 1 with "
                        + "tracestack:platform docker (the local stack runs one collector; tail sampling needs a "
                        + "cluster's sampler tier), got 0.5");
    }

    @Test
    void objectivesOnDockerAreRejected() {
        assertThat(ConfigErrors.of("local", Map.of(ConfigKeys.SERVICES, "{\"checkout\": {\"slo\": {\"latencyP95Ms\": 300}}}")))
                .isEqualTo("Pulumi.local.yaml: tracestack:services.checkout.slo cannot be set with tracestack:platform "
                        + "docker (the local stack has no Cloud Monitoring to alert from), it is not set");
    }

    @Test
    void fewerServicesInTheEstimateThanInTheMapAreRejected() {
        StringBuilder five = new StringBuilder("{");
        for (int i = 0; i < 5; i++) {
            five.append(i == 0 ? "" : ", ").append("\"svc-").append(i).append("\": {\"sampling\": {\"rate\": 1}}");
        }
        assertThat(ConfigErrors.of("stage", Map.of(ConfigKeys.SERVICES, five + "}")))
                .isEqualTo("Pulumi.stage.yaml: tracestack:cost.services must be at least the 5 services of "
                        + "tracestack:services (the estimate's span metrics and alert series follow the number of "
                        + "services), got 4");
    }

    @Test
    void moreObjectivesThanAnAlertPolicyHasConditionsAreRejected() {
        StringBuilder seven = new StringBuilder("{");
        for (int i = 0; i < 7; i++) {
            seven.append(i == 0 ? "" : ", ").append("\"svc-").append(i)
                    .append("\": {\"team\": \"payments\", \"slo\": {\"latencyP95Ms\": ").append(100 * (i + 1)).append("}}");
        }
        assertThat(ConfigErrors.of("prod", Map.of(ConfigKeys.SERVICES, seven + "}",
                ConfigKeys.COST, "{\"services\": 7, \"monthlyBudgetUsd\": 200}", ConfigKeys.ALERTS,
                PROD_ALERTS_WITH_PAYMENTS)))
                .isEqualTo("Pulumi.prod.yaml: tracestack:services must give the services of team payments at most 6 "
                        + "distinct slo.latencyP95Ms objectives, the stack's included where one has none (a Cloud "
                        + "Monitoring alert policy holds at most 6 conditions, one per objective), got 7 objectives "
                        + "(100, 200, 300, 400, 500, 600, 700)");
    }

    @Test
    void stageSetsItsTwoServicesRatesAndNothingElse() {
        ServiceCatalog services = StackHarness.config("stage").services();

        assertThat(services.services()).extracting(ServiceSettings::name).containsExactly("critical-service",
                "batch-service");
        assertThat(services.named("batch-service").orElseThrow().rate()).contains(0.01);
        assertThat(services.services()).noneMatch(s -> s.slo().isSet() || s.team().isPresent());
    }
}
