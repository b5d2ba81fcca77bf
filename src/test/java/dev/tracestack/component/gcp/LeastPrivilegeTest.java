package dev.tracestack.component.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every IAM grant the stack makes, per environment, is exactly the minimal set, each at the narrowest
 * scope; no broad role, no authoritative binding and no service-account key appears anywhere.
 */
class LeastPrivilegeTest {

    /** Additive, non-authoritative grants: the only IAM resource types the stack may use. */
    private static final Set<String> MEMBER_TYPES = Set.of(
            "gcp:projects/iAMMember:IAMMember",
            "gcp:serviceaccount/iAMMember:IAMMember",
            "gcp:pubsub/topicIAMMember:TopicIAMMember",
            "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember",
            "gcp:bigquery/iamMember:IamMember",
            "gcp:bigquery/datasetIamMember:DatasetIamMember",
            "gcp:storage/bucketIAMMember:BucketIAMMember");
    private static final Set<String> BROAD_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer",
            "roles/pubsub.admin", "roles/pubsub.editor", "roles/bigquery.admin", "roles/bigquery.dataOwner",
            "roles/iam.serviceAccountUser", "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin",
            "roles/resourcemanager.projectIamAdmin", "roles/cloudtrace.admin", "roles/monitoring.admin",
            "roles/monitoring.editor", "roles/storage.admin");
    private static final Pattern PUBSUB_AGENT = Pattern.compile("service-(\\d{12})@gcp-sa-pubsub");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyGrantIsOneOfTheMinimalSet(String stack) {
        Plan plan = StackHarness.synth(stack);
        String project = plan.config().gcp().project();
        String collector = "serviceAccount:tracestack-collector@" + project + ".iam.gserviceaccount.com";
        String backup = "serviceAccount:tracestack-bq-backup@" + project + ".iam.gserviceaccount.com";
        String number = projectNumber(plan);
        String pubsubAgent = "serviceAccount:service-" + number + "@gcp-sa-pubsub.iam.gserviceaccount.com";
        String transferAgent = "serviceAccount:service-" + number + "@gcp-sa-bigquerydatatransfer.iam.gserviceaccount.com";

        List<String> expected = new ArrayList<>(List.of(
                "project " + project + ": roles/cloudtrace.agent -> " + collector,
                "project " + project + ": roles/monitoring.metricWriter -> " + collector,
                "service account tracestack-collector: roles/iam.workloadIdentityUser -> serviceAccount:"
                        + project + ".svc.id.goog[observability/otel-collector]",
                "topic otel-traces-" + stack + ": roles/pubsub.publisher -> " + collector,
                "topic otel-traces-" + stack + "-dead-letter: roles/pubsub.publisher -> " + pubsubAgent,
                "subscription otel-traces-" + stack + "-bigquery: roles/pubsub.subscriber -> " + pubsubAgent,
                "table traces.otel_traces_raw: roles/bigquery.dataEditor -> " + pubsubAgent));
        if (stack.equals("prod")) {
            expected.addAll(List.of(
                    "project " + project + ": roles/bigquery.jobUser -> " + backup,
                    "dataset traces: roles/bigquery.dataViewer -> " + backup,
                    "dataset traces_backup: roles/bigquery.dataEditor -> " + backup,
                    "dataset traces_backup_staging: roles/bigquery.dataEditor -> " + backup,
                    "service account tracestack-bq-backup: roles/iam.serviceAccountTokenCreator -> " + transferAgent,
                    // Elasticsearch snapshots: object access on their own bucket only, through Workload Identity.
                    "bucket " + project + "-jaeger-snapshots: roles/storage.objectAdmin -> serviceAccount:jaeger-es-snapshots@"
                            + project + ".iam.gserviceaccount.com",
                    "service account jaeger-es-snapshots: roles/iam.workloadIdentityUser -> serviceAccount:"
                            + project + ".svc.id.goog[observability/jaeger-es]"));
        }

        assertThat(grants(plan)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void noBroadRoleAuthoritativeBindingOrKeyExists(String stack) {
        Plan plan = StackHarness.synth(stack);

        assertThat(plan.resources()).allSatisfy(resource -> {
            String role = resource.input("role").asText("");
            assertThat(role).as("role of %s", resource.key()).isNotIn(BROAD_ROLES).doesNotEndWith(".admin");
            assertThat(resource.type()).as("IAM resource type of %s", resource.name())
                    .matches(type -> !type.toLowerCase().contains("iam") || MEMBER_TYPES.contains(type));
        });
        assertThat(plan.count("gcp:serviceaccount/key:Key")).isZero();
    }

    private static String projectNumber(Plan plan) {
        return plan.resources().stream()
                .map(r -> PUBSUB_AGENT.matcher(r.input("member").asText("")))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no grant to the Pub/Sub service agent"));
    }

    /** Each grant as "scope: role -> member", whatever resource type carries it. */
    private static List<String> grants(Plan plan) {
        return plan.resources().stream()
                .filter(r -> MEMBER_TYPES.contains(r.type()))
                .map(r -> scope(r) + ": " + r.input("role").asText() + " -> " + r.input("member").asText())
                .toList();
    }

    private static String scope(PlannedResource r) {
        return switch (r.type()) {
            case "gcp:projects/iAMMember:IAMMember" -> "project " + r.input("project").asText();
            case "gcp:serviceaccount/iAMMember:IAMMember" -> "service account " + r.input("serviceAccountId").asText()
                    .replaceAll(".*/serviceAccounts/([^@]+)@.*", "$1");
            case "gcp:pubsub/topicIAMMember:TopicIAMMember" -> "topic " + r.input("topic").asText();
            case "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember" ->
                    "subscription " + r.input("subscription").asText();
            case "gcp:storage/bucketIAMMember:BucketIAMMember" -> "bucket " + r.input("bucket").asText();
            case "gcp:bigquery/iamMember:IamMember" ->
                    "table " + r.input("datasetId").asText() + "." + r.input("tableId").asText();
            default -> "dataset " + r.input("datasetId").asText();
        };
    }
}
