package dev.tracestack.component.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanWriter;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.bigquery.BigQueryViews;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector's Google identity and the APIs the stack enables. */
class GcpIdentityGraphTest {

    private static final String SERVICE = "gcp:projects/service:Service";

    @Test
    void devEnablesExactlyTheApisItsPartsCallAndNeverDisablesThemOnDestroy() {
        Plan plan = StackHarness.synth("dev");

        assertThat(plan.ofType(SERVICE)).extracting(s -> s.input("service").asText()).containsExactlyInAnyOrder(
                "cloudresourcemanager.googleapis.com", "iam.googleapis.com", "iamcredentials.googleapis.com",
                "monitoring.googleapis.com", "cloudtrace.googleapis.com", "pubsub.googleapis.com",
                "bigquery.googleapis.com");
        assertThat(plan.ofType(SERVICE)).allSatisfy(s -> {
            assertThat(s.input("disableOnDestroy").asBoolean(true)).isFalse();
            assertThat(s.input("project").asText()).isEqualTo("dta-cloud-de-dev");
        });
    }

    @Test
    void prodAlsoEnablesTheDataTransferApiForItsBackup() {
        assertThat(StackHarness.synth("prod").ofType(SERVICE)).extracting(s -> s.input("service").asText())
                .contains("bigquerydatatransfer.googleapis.com");
    }

    @Test
    void theCollectorAccountIsBoundToTheCollectorsKubernetesServiceAccount() {
        Plan plan = StackHarness.synth("stage");
        PlannedResource account = plan.get("gcp:serviceaccount/account:Account", "gcp-identity-collector");
        PlannedResource binding = plan.get("gcp:serviceaccount/iAMMember:IAMMember",
                "gcp-identity-collector-workload-identity");

        assertThat(account.input("accountId").asText()).isEqualTo("tracestack-collector");
        assertThat(binding.input("serviceAccountId").asText()).isEqualTo(
                "projects/dta-cloud-de-stage/serviceAccounts/tracestack-collector@dta-cloud-de-stage.iam.gserviceaccount.com");
        assertThat(binding.input("member").asText())
                .isEqualTo("serviceAccount:dta-cloud-de-stage.svc.id.goog[observability/otel-collector]");
    }

    @Test
    void theWorkloadIdentityMemberFollowsTheConfiguredNamespace() {
        Plan plan = StackHarness.synth("dev", Map.of("tracestack:kubernetes",
                "{\"namespace\":\"tracing\",\"createNamespace\":true}"));

        assertThat(plan.get("gcp:serviceaccount/iAMMember:IAMMember", "gcp-identity-collector-workload-identity")
                .input("member").asText())
                .isEqualTo("serviceAccount:dta-cloud-de-dev.svc.id.goog[tracing/otel-collector]");
    }

    @Test
    void theApisComeFirstAndEveryGcpResourceUsesTheExplicitProvider() {
        Plan plan = StackHarness.synth("dev");

        assertThat(plan.get("gcp:serviceaccount/account:Account", "gcp-identity-collector").dependsOn())
                .contains("gcp-identity-api-iam");
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("gcp:"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.provider()).as("provider of %s", r.name()).isEqualTo("gcp"));
    }

    @Test
    void theStackExportsTheCollectorEmailTopicAndDataset() {
        assertThat(StackHarness.synth("prod").outputs()).containsEntry("collectorServiceAccountEmail",
                        "tracestack-collector@dta-cloud-de-prod.iam.gserviceaccount.com")
                .containsEntry("tracesTopic", "otel-traces-prod")
                .containsEntry("tracesDataset", "traces");
    }

    @Test
    void withoutTheCloudTraceExporterNeitherTheApiNorTheTraceAgentRoleIsThere() {
        Plan plan = StackHarness.synth("dev", Map.of("tracestack:exporters",
                "{\"cloudTrace\":false,\"jaeger\":false,\"bigQuery\":true}"));

        assertThat(plan.ofType(SERVICE)).noneMatch(s -> s.input("service").asText().equals("cloudtrace.googleapis.com"));
        assertThat(plan.ofType("gcp:projects/iAMMember:IAMMember")).extracting(r -> r.input("role").asText())
                .containsExactly("roles/monitoring.metricWriter");
    }

    @Test
    void thePlanWritesTheBigQuerySchemaAndEveryViewUnderArtifactsBigquery(@TempDir Path out) {
        PlanWriter.write(StackHarness.synth("dev"), out);

        Path bigquery = out.resolve(PlanWriter.ARTIFACTS).resolve("bigquery");
        assertThat(bigquery.resolve("otel_traces_raw.schema.json")).isRegularFile();
        for (BigQueryViews.View view : BigQueryViews.all()) {
            assertThat(out.resolve(PlanWriter.ARTIFACTS).resolve(view.artifact())).isRegularFile();
        }
    }
}
