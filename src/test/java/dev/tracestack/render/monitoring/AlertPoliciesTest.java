package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import dev.tracestack.render.monitoring.AlertPolicyModel.MetricThreshold;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which alert policies each environment gets, and the values their conditions carry. */
class AlertPoliciesTest {

    @Test
    void devGetsTheCollectorAndTraceAlertsButNoStorageAlertWithoutJaeger() {
        Map<String, AlertPolicy> dev = AlertPolicies.of(StackHarness.config("dev"));

        assertThat(dev).containsOnlyKeys("ingestion-stopped", "error-rate", "latency-p95", "collector-down",
                "span-loss", "exporter-failures", "bigquery-backlog", "dead-letters");
    }

    @Test
    void prodAlsoAlertsOnWhatFailsSilentlyBehindTheCollector() {
        Map<String, AlertPolicy> prod = AlertPolicies.of(StackHarness.config("prod"));

        assertThat(prod).containsKeys("bigquery-backlog", "dead-letters", "backup-failed", "elasticsearch-red",
                "snapshot-failed");
        assertThat(threshold(prod.get("bigquery-backlog")).filter())
                .contains(MetricCatalog.PUBSUB_BACKLOG_AGE, "subscription_id=\"otel-traces-prod-bigquery\"");
        assertThat(threshold(prod.get("dead-letters")).filter()).contains(MetricCatalog.PUBSUB_DEAD_LETTERS);
        assertThat(threshold(prod.get("backup-failed")).filter())
                .contains(MetricCatalog.TRANSFER_RUNS, "completion_state!=\"SUCCEEDED\"", "europe-west4");
        assertThat(threshold(prod.get("elasticsearch-red")).filter()).contains(MetricCatalog.ELASTICSEARCH_RED);
        assertThat(threshold(prod.get("snapshot-failed")).filter()).contains(MetricCatalog.SLM_FAILURES);
    }

    @Test
    void strictProdWaitsHalfAsLongAndToleratesHalfTheBacklogOfNormalStage() {
        AlertPolicy stage = AlertPolicies.of(StackHarness.config("stage")).get("bigquery-backlog");
        AlertPolicy prod = AlertPolicies.of(StackHarness.config("prod")).get("bigquery-backlog");

        assertThat(threshold(stage).thresholdValue()).isEqualTo(1800.0);
        assertThat(threshold(stage).duration()).isEqualTo("600s");
        assertThat(threshold(prod).thresholdValue()).isEqualTo(900.0);
        assertThat(threshold(prod).duration()).isEqualTo("300s");
        assertThat(LogMetrics.of(StackHarness.config("stage"))).extracting(LogMetrics.LogMetric::name)
                .containsExactly(LogMetrics.STORAGE_ERRORS, LogMetrics.ELASTICSEARCH_RED);
        assertThat(LogMetrics.of(StackHarness.config("prod"))).extracting(LogMetrics.LogMetric::name)
                .containsExactly(LogMetrics.STORAGE_ERRORS, LogMetrics.ELASTICSEARCH_RED, LogMetrics.SLM_FAILURES);
    }

    @Test
    void stageAndProdAlsoAlertOnElasticsearchStorageErrorsFromTheLogBasedMetric() {
        for (String stack : new String[] {"stage", "prod"}) {
            AlertPolicy storage = AlertPolicies.of(StackHarness.config(stack)).get("storage-errors");

            assertThat(storage.severity()).isEqualTo("CRITICAL");
            assertThat(threshold(storage).filter()).contains(MetricCatalog.JAEGER_STORAGE_ERRORS);
            assertThat(threshold(storage).comparison()).isEqualTo("COMPARISON_GT");
        }
    }

    @Test
    void stageCarriesTheSeedsValuesWithTheirDurations() {
        Map<String, AlertPolicy> stage = AlertPolicies.of(StackHarness.config("stage"));

        assertThat(threshold(stage.get("error-rate")).thresholdValue()).isEqualTo(0.05);
        assertThat(threshold(stage.get("error-rate")).duration()).isEqualTo("180s");
        assertThat(threshold(stage.get("error-rate")).denominatorFilter())
                .isEqualTo("metric.type=\"" + MetricCatalog.SPAN_CALLS + "\" AND resource.type=\"generic_node\""
                        + " AND metric.label.span_kind=one_of(\"SPAN_KIND_SERVER\",\"SPAN_KIND_CONSUMER\")");
        assertThat(threshold(stage.get("latency-p95")).thresholdValue()).isEqualTo(2000);
        assertThat(threshold(stage.get("latency-p95")).duration()).isEqualTo("300s");
        assertThat(threshold(stage.get("ingestion-stopped")).thresholdValue()).isEqualTo(100);
        assertThat(threshold(stage.get("ingestion-stopped")).comparison()).isEqualTo("COMPARISON_LT");
        assertThat(stage.get("collector-down").conditions().get(0).conditionAbsent().duration()).isEqualTo("300s");
    }

    @Test
    void theCloudTraceIngestionFloorIsScaledByHeadSampling() {
        AlertPolicy dev = AlertPolicies.of(StackHarness.config("dev")).get("ingestion-stopped");

        MetricThreshold cloudTrace = dev.conditions().get(1).conditionThreshold();
        assertThat(cloudTrace.filter()).contains(MetricCatalog.CLOUD_TRACE_SPANS);
        assertThat(cloudTrace.thresholdValue()).isEqualTo(5);
        assertThat(cloudTrace.evaluationMissingData()).isEqualTo("EVALUATION_MISSING_DATA_ACTIVE");
    }

    @Test
    void withoutCloudTraceTheIngestionAlertReadsOnlyTheCollector() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of("tracestack:exporters", "{\"cloudTrace\":false,\"jaeger\":false,\"bigQuery\":true}")));

        assertThat(AlertPolicies.of(config).get("ingestion-stopped").conditions())
                .singleElement()
                .satisfies(c -> assertThat(c.conditionThreshold().filter()).contains(MetricCatalog.ACCEPTED_SPANS));
    }

    @Test
    void documentationListsTroubleshootingStepsAndLinksTheRunbookWhenConfigured() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("stage", Map.of("tracestack:alerts",
                "{\"strictness\":\"normal\",\"runbookBaseUrl\":\"https://runbooks.example.com/tracing/\"}")));

        String content = AlertPolicies.of(config).get("collector-down").documentation().content();

        assertThat(content).contains("Troubleshooting:\n1. ").contains(":13133")
                .endsWith("Runbook: https://runbooks.example.com/tracing/collector-down\n");
        assertThat(AlertPolicies.of(StackHarness.config("stage")).get("collector-down").documentation().content())
                .doesNotContain("Runbook:");
    }

    @Test
    void everyPolicyAutoClosesAfterAnHourAndLabelsItsEnvironmentAndSeverity() {
        AlertPolicies.of(StackHarness.config("prod")).values().forEach(policy -> {
            assertThat(policy.alertStrategy().autoClose()).isEqualTo("3600s");
            assertThat(policy.userLabels()).containsEntry("environment", "prod")
                    .containsEntry("severity", policy.severity().toLowerCase());
        });
    }

    private static MetricThreshold threshold(AlertPolicy policy) {
        return policy.conditions().get(0).conditionThreshold();
    }
}
