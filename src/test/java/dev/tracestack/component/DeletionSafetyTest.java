package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing in stage or prod can delete data on {@code pulumi destroy} or a replace. The test walks every resource
 * that holds data, and what contains it (its namespace, the operator whose CRDs define it, the volumes and the class
 * they are provisioned from), and fails on the first that a destroy would take with it. That a replace never
 * reaches them is {@code PlanBeforeRefactorTest#noProtectedResourceWouldBeReplaced}.
 */
class DeletionSafetyTest {

    /** Types whose every resource holds data, or whose deletion deletes data it contains. */
    private static final Set<String> HOLDS_DATA = Set.of(
            "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch",
            "kubernetes:storage.k8s.io/v1:StorageClass",
            "kubernetes:core/v1:Namespace",
            "kubernetes:helm.sh/v3:Release",
            "gcp:storage/bucket:Bucket",
            "gcp:bigquery/dataset:Dataset",
            "gcp:pubsub/topic:Topic",
            "gcp:pubsub/subscription:Subscription");

    /** A BigQuery table holds data unless it is a view. */
    private static final Predicate<PlannedResource> TABLE = r -> r.type().equals("gcp:bigquery/table:Table")
            && r.input("view").isMissingNode();

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyResourceThatHoldsOrContainsDataIsProtectedAndKeptOnDestroy(String stack) {
        Plan plan = StackHarness.synth(stack);
        List<PlannedResource> holders = plan.resources().stream()
                .filter(r -> HOLDS_DATA.contains(r.type()) || TABLE.test(r)).toList();

        assertThat(holders).extracting(PlannedResource::name).contains("otel-collector-namespace",
                "elasticsearch-cluster", "elasticsearch-operator", "gcp-trace-sinks-raw-table",
                "gcp-trace-sinks-bigquery-subscription");
        assertThat(holders).allSatisfy(r -> {
            assertThat(r.protect()).as("%s is protected", r.key()).isTrue();
            assertThat(r.retainOnDelete()).as("%s is kept when the stack is destroyed", r.key()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyKubernetesObjectLivesInTheProtectedNamespace(String stack) {
        Plan plan = StackHarness.synth(stack);
        PlannedResource namespace = plan.get("kubernetes:core/v1:Namespace", "otel-collector-namespace");

        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("kubernetes:") && r.input("metadata")
                        .has("namespace") && !r.type().equals("kubernetes:helm.sh/v3:Release"))
                .allSatisfy(r -> assertThat(r.input("metadata.namespace").asText()).as(r.key())
                        .isEqualTo(namespace.input("metadata.name").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void elasticsearchsDisksOutliveItsClaimsItsNodesAndTheClusterItself(String stack) {
        Plan plan = StackHarness.synth(stack);
        JsonNode spec = plan.get("kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch", "elasticsearch-cluster")
                .input("spec");
        JsonNode storageClass = plan.get("kubernetes:storage.k8s.io/v1:StorageClass", "elasticsearch-retained-storage")
                .inputs();

        assertThat(spec.path("volumeClaimDeletePolicy").asText()).isEqualTo("DeleteOnScaledownOnly");
        assertThat(spec.path("nodeSets").findValuesAsText("storageClassName"))
                .containsOnly(storageClass.path("metadata").path("name").asText());
        assertThat(storageClass.path("reclaimPolicy").asText()).isEqualTo("Retain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void noProviderDeletesContentsWithTheirContainer(String stack) {
        Plan plan = StackHarness.synth(stack);

        assertThat(plan.ofType("gcp:bigquery/dataset:Dataset"))
                .allSatisfy(d -> assertThat(d.input("deleteContentsOnDestroy").asBoolean()).as(d.key()).isFalse());
        assertThat(plan.resources()).filteredOn(TABLE)
                .allSatisfy(t -> assertThat(t.input("deletionProtection").asBoolean()).as(t.key()).isTrue());
        assertThat(plan.ofType("gcp:storage/bucket:Bucket"))
                .allSatisfy(b -> assertThat(b.input("forceDestroy").asBoolean()).as(b.key()).isFalse());
        assertThat(plan.ofType("kubernetes:apps/v1:StatefulSet")).allSatisfy(s -> {
            assertThat(s.input("spec.persistentVolumeClaimRetentionPolicy.whenDeleted").asText()).isEqualTo("Retain");
            assertThat(s.input("spec.persistentVolumeClaimRetentionPolicy.whenScaled").asText()).isEqualTo("Retain");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void aDeletedSnapshotFileStaysRestorableForThirtyDaysAndNothingLocksSlmOut(String stack) {
        PlannedResource bucket = StackHarness.synth(stack).get("gcp:storage/bucket:Bucket", "elasticsearch-snapshot-bucket");

        assertThat(bucket.input("versioning.enabled").asBoolean()).isTrue();
        assertThat(bucket.input("lifecycleRules").get(0).path("condition").path("daysSinceNoncurrentTime").asInt())
                .isGreaterThanOrEqualTo(30);
        assertThat(bucket.input("retentionPolicy").isMissingNode()).as("a retention lock would refuse SLM's deletes")
                .isTrue();
    }
}
