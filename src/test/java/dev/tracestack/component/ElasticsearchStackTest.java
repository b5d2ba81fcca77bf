package dev.tracestack.component;

import static dev.tracestack.component.JaegerStackTest.envValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.wire.Ports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ECK cluster, its operator, the ILM init Job and the snapshots, from the real stack files. */
class ElasticsearchStackTest {

    static final String CLUSTER = "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch";
    static final String JOB = "kubernetes:batch/v1:Job";

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void theClusterIsAPinnedEs8EckResourceProtectedOutsideDev(String stack) {
        PlannedResource cluster = StackHarness.synth(stack).get(CLUSTER, "elasticsearch-cluster");

        assertThat(cluster.input("apiVersion").asText()).isEqualTo("elasticsearch.k8s.elastic.co/v1");
        assertThat(cluster.input("spec.version").asText()).isEqualTo("8.19.3");
        assertThat(cluster.protect()).isTrue();
        assertThat(cluster.retainOnDelete()).isTrue();
        assertThat(cluster.dependsOn()).contains("elasticsearch-operator");
    }

    @Test
    void stageRunsOneNodeWithoutReplicasOrZoneAwareness() {
        Plan stage = StackHarness.synth("stage");
        JsonNode nodeSet = stage.get(CLUSTER, "elasticsearch-cluster").input("spec.nodeSets").get(0);

        assertThat(nodeSet.path("count").asInt()).isEqualTo(1);
        assertThat(nodeSet.path("config").has("cluster.routing.allocation.awareness.attributes")).isFalse();
        assertThat(nodeSet.path("volumeClaimTemplates").get(0).path("spec").path("resources").path("requests")
                .path("storage").asText()).isEqualTo("10Gi");
        JsonNode rollover = stage.get(JOB, "elasticsearch-ilm-init").input("spec.template.spec.containers").get(0);
        assertThat(envValue(rollover.path("env"), "REPLICAS")).isEqualTo("0");
    }

    @Test
    void prodRunsThreeNodesSpreadAcrossZonesWithZoneAwareAllocation() {
        JsonNode nodeSet = StackHarness.synth("prod").get(CLUSTER, "elasticsearch-cluster")
                .input("spec.nodeSets").get(0);

        assertThat(nodeSet.path("count").asInt()).isEqualTo(3);
        assertThat(nodeSet.path("config").path("cluster.routing.allocation.awareness.attributes").asText())
                .isEqualTo("k8s_node_name,zone");
        assertThat(nodeSet.path("podTemplate").path("spec").path("topologySpreadConstraints").get(0)
                .path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        JsonNode env = nodeSet.path("podTemplate").path("spec").path("containers").get(0).path("env");
        assertThat(envValue(env, "ES_JAVA_OPTS")).isEqualTo("-Xms4096m -Xmx4096m");
    }

    @Test
    void theOperatorIsAPinnedHelmReleaseUnlessTheClusterAlreadyHasOne() {
        PlannedResource release = StackHarness.synth("stage").get("kubernetes:helm.sh/v3:Release", "elasticsearch-operator");
        assertThat(release.input("chart").asText()).isEqualTo("eck-operator");
        assertThat(release.input("version").asText()).isEqualTo("3.1.0");

        Plan existing = StackHarness.synth("stage", Map.of("tracestack:elasticsearch",
                "{\"installOperator\": false}"));
        assertThat(existing.ofType("kubernetes:helm.sh/v3:Release")).isEmpty();
        assertThat(existing.get(CLUSTER, "elasticsearch-cluster").dependsOn()).doesNotContain("elasticsearch-operator");
    }

    @Test
    void theIlmJobIsNamedAfterWhatItAppliesSoAChangedPolicyRunsANewJob() {
        String before = StackHarness.synth("stage").get(JOB, "elasticsearch-ilm-init").input("metadata.name").asText();
        String after = StackHarness.synth("stage", Map.of("tracestack:retentionDays", "30"))
                .get(JOB, "elasticsearch-ilm-init").input("metadata.name").asText();

        assertThat(before).matches("jaeger-es-ilm-init-[0-9a-f]{8}");
        assertThat(after).matches("jaeger-es-ilm-init-[0-9a-f]{8}").isNotEqualTo(before);
    }

    @Test
    void theIlmJobWaitsForTheClusterAndRunsRolloverInitWithIlmAsTheInitUserWithItsPasswordFromAFile() {
        PlannedResource job = StackHarness.synth("prod").get(JOB, "elasticsearch-ilm-init");
        JsonNode pod = job.input("spec.template.spec");

        assertThat(job.dependsOn()).contains("elasticsearch-cluster");
        assertThat(pod.path("initContainers").get(0).path("command").get(1).asText()).isEqualTo("/init/init.sh");
        JsonNode rollover = pod.path("containers").get(0);
        assertThat(rollover.path("command").get(2).asText()).endsWith("es-rollover init \"$ES_URL\"");
        for (JsonNode container : List.of(pod.path("initContainers").get(0), rollover)) {
            assertThat(envValue(container.path("env"), "ES_USERNAME")).isEqualTo("prod-jaeger-init");
            assertThat(envValue(container.path("env"), "ES_PASSWORD_FILE")).isEqualTo("/etc/elasticsearch/auth/password");
            assertThat(container.path("env").findValuesAsText("name")).doesNotContain("ES_PASSWORD");
        }
        assertThat(envValue(rollover.path("env"), "ES_USE_ILM")).isEqualTo("true");
        assertThat(envValue(rollover.path("env"), "ES_ILM_POLICY_NAME")).isEqualTo("jaeger-ilm-policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void noRolloverOrIndexCleanerCronJobsRunWhenIlmManagesTheIndices(String stack) {
        assertThat(StackHarness.synth(stack).ofType("kubernetes:batch/v1:CronJob")).extracting(PlannedResource::name)
                .containsExactly("jaeger-spark-dependencies");
    }

    @Test
    void prodSnapshotsGoToAProtectedMultiRegionBucketThroughWorkloadIdentity() {
        Plan prod = StackHarness.synth("prod");
        PlannedResource bucket = prod.get("gcp:storage/bucket:Bucket", "elasticsearch-snapshot-bucket");

        assertThat(bucket.input("location").asText()).isEqualTo("EU");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.input("publicAccessPrevention").asText()).isEqualTo("enforced");
        assertThat(prod.get("gcp:serviceaccount/iAMMember:IAMMember", "elasticsearch-snapshot-workload-identity")
                .input("member").asText()).isEqualTo("serviceAccount:dta-cloud-de-prod.svc.id.goog[observability/jaeger-es]");
        assertThat(prod.get("kubernetes:core/v1:ServiceAccount", "elasticsearch-service-account").input("metadata.annotations")
                .path("iam.gke.io/gcp-service-account").asText())
                .isEqualTo("jaeger-es-snapshots@dta-cloud-de-prod.iam.gserviceaccount.com");
        assertThat(prod.get("gcp:storage/bucketIAMMember:BucketIAMMember", "elasticsearch-snapshot-writer")
                .input("role").asText()).isEqualTo("roles/storage.objectAdmin");
    }

    @Test
    void stageTakesNoSnapshots() {
        Plan stage = StackHarness.synth("stage");

        assertThat(stage.ofType("gcp:storage/bucket:Bucket")).isEmpty();
        assertThat(stage.rendered().files()).doesNotContainKey("elasticsearch/slm-policy.json");
    }

    @Test
    void elasticsearchAdmitsHttpOnlyFromItsClientsAndTheOperator() {
        JsonNode rule = StackHarness.synth("stage").get("kubernetes:networking.k8s.io/v1:NetworkPolicy",
                "elasticsearch-network-policy").input("spec.ingress").get(0);

        assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(Ports.ELASTICSEARCH_HTTP);
        assertThat(rule.path("from").get(0).path("podSelector").path("matchLabels")
                .path("tracestack.dev/elasticsearch-client").asText()).isEqualTo("true");
        assertThat(rule.path("from").get(1).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText()).isEqualTo("elastic-system");
    }
}
