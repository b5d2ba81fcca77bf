package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.monitoring.MonitoringRenderer;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cloud Monitoring resources each environment's plan registers. */
class TracingMonitoringTest {

    private static final String CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
    private static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    private static final String DASHBOARD = "gcp:monitoring/dashboard:Dashboard";
    private static final String LOG_METRIC = "gcp:logging/metric:Metric";

    @Test
    void everyCloudStackHasOneMonitoringComponentUnderTheStackWithTheGcpProvider() {
        for (String stack : StackHarness.CLOUD_STACKS) {
            Plan plan = StackHarness.synth(stack);

            assertThat(plan.get(TracingMonitoring.TYPE, "monitoring").parent()).isEqualTo("tracestack");
            assertThat(plan.childrenOf("monitoring")).isNotEmpty()
                    .allSatisfy(child -> assertThat(child.provider()).isEqualTo("gcp"));
        }
    }

    @Test
    void eachEnvironmentGetsAnEmailChannelToItsOwnAddress() {
        assertThat(emailOf("dev")).isEqualTo("tracing-dev@example.com");
        assertThat(emailOf("stage")).isEqualTo("tracing-stage@example.com");
        assertThat(emailOf("prod")).isEqualTo("tracing-oncall@example.com");
        assertThat(StackHarness.synth("prod").count(CHANNEL)).isEqualTo(1);
    }

    @Test
    void aSlackChannelCarriesItsTokenOnlyAsASecretSensitiveLabel() {
        Plan plan = PlanEngine.plan(StackConfigParser.parse(StackHarness.withSecrets(
                StackHarness.withOverrides("stage", Map.of("tracestack:alerts",
                        "{\"strictness\":\"normal\",\"notificationEmail\":\"tracing-stage@example.com\","
                                + "\"slackChannel\":\"#tracing-stage\"}")),
                Map.of(ConfigKeys.SLACK_AUTH_TOKEN, "xoxb-do-not-print"))));

        PlannedResource slack = plan.get(CHANNEL, "monitoring-slack");
        assertThat(slack.input("type").asText()).isEqualTo("slack");
        assertThat(slack.input("labels.channel_name").asText()).isEqualTo("#tracing-stage");
        assertThat(slack.input("sensitiveLabels.authToken").asText()).isEqualTo("[secret]");
        assertThat(plan.resources().toString()).doesNotContain("xoxb-do-not-print");
        assertThat(plan.get(POLICY, "monitoring-alert-collector-down").input("notificationChannels"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("projects/dta-cloud-de-stage/notificationChannels/monitoring-email",
                        "projects/dta-cloud-de-stage/notificationChannels/monitoring-slack");
    }

    @Test
    void everyAlertPolicyNotifiesTheEnvironmentsChannels() {
        Plan dev = StackHarness.synth("dev");

        assertThat(dev.ofType(POLICY)).hasSize(8).allSatisfy(policy ->
                assertThat(policy.input("notificationChannels")).extracting(JsonNode::asText)
                        .containsExactly("projects/dta-cloud-de-dev/notificationChannels/monitoring-email"));
    }

    @Test
    void policyInputsCarryTheRenderedConditionsThresholdsAndDurations() throws Exception {
        Plan prod = StackHarness.synth("prod");
        JsonNode rendered = Artifacts.JSON.readTree(prod.rendered().file(MonitoringRenderer.ALERT_POLICIES));

        PlannedResource latency = prod.get(POLICY, "monitoring-alert-latency-p95");
        JsonNode threshold = latency.input("conditions").get(0).get("conditionThreshold");
        assertThat(threshold.get("thresholdValue").asDouble()).isEqualTo(1000);
        assertThat(threshold.get("duration").asText()).isEqualTo("180s");
        assertThat(latency.input("displayName").asText())
                .isEqualTo(rendered.get("latency-p95").get("displayName").asText());
        assertThat(latency.input("userLabels.severity").asText()).isEqualTo("warning");
    }

    @Test
    void dashboardsAreRegisteredFromTheirRenderedJson() {
        Plan stage = StackHarness.synth("stage");

        assertThat(stage.ofType(DASHBOARD)).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                "monitoring-dashboard-overview", "monitoring-dashboard-collector-health",
                "monitoring-dashboard-jaeger-health");
        assertThat(stage.get(DASHBOARD, "monitoring-dashboard-overview").input("dashboardJson").asText())
                .isEqualTo(stage.rendered().file(MonitoringRenderer.dashboardPath("overview")));
    }

    @Test
    void theStorageErrorMetricExistsWhereJaegerIsOnAndPoliciesWaitForIt() {
        assertThat(StackHarness.synth("dev").count(LOG_METRIC)).isZero();
        Plan prod = StackHarness.synth("prod");

        PlannedResource metric = prod.get(LOG_METRIC, "monitoring-log-tracestack-jaeger-storage-errors");
        assertThat(metric.input("filter").asText()).contains("resource.labels.namespace_name=\"observability\"");
        assertThat(metric.input("metricDescriptor.metricKind").asText()).isEqualTo("DELTA");
        assertThat(prod.get(POLICY, "monitoring-alert-storage-errors").dependsOn())
                .contains("monitoring-log-tracestack-jaeger-storage-errors");
    }

    @Test
    void logicalNamesAreTheSameInEveryEnvironment() {
        List<String> prod = StackHarness.synth("prod").childrenOf("monitoring").stream().map(PlannedResource::name)
                .toList();
        List<String> stage = StackHarness.synth("stage").childrenOf("monitoring").stream().map(PlannedResource::name)
                .toList();

        assertThat(prod).noneMatch(name -> name.contains("stage") || name.contains("prod"));
        assertThat(prod).containsAll(stage);
        assertThat(prod.stream().filter(name -> !stage.contains(name)).toList()).as("prod's backup and snapshots")
                .allMatch(name -> name.contains("backup") || name.contains("snapshot"));
    }

    private static String emailOf(String stack) {
        return StackHarness.synth(stack).get(CHANNEL, "monitoring-email").input("labels.email_address").asText();
    }
}
