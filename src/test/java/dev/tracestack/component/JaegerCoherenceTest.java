package dev.tracestack.component;

import static dev.tracestack.component.JaegerStackTest.envValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.wire.Ports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jaeger and Elasticsearch agree with each other as planned: the same index prefix, the URL of the ECK
 * Service, the Secrets ECK generates, the policy name, and the files the configs point at.
 */
class JaegerCoherenceTest {

    private static JsonNode storage(Plan plan, String artifact) throws Exception {
        return Artifacts.YAML.readTree(plan.rendered().file(artifact))
                .path("extensions").path("jaeger_storage").path("backends").path("es_main").path("elasticsearch");
    }

    private static JsonNode rolloverEnv(Plan plan) {
        return plan.get(ElasticsearchStackTest.JOB, "elasticsearch-ilm-init").input("spec.template.spec.containers")
                .get(0).path("env");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void jaegersIndexPrefixIsThePrefixOfTheAliasesTheRolloverJobCreates(String stack) throws Exception {
        Plan plan = StackHarness.synth(stack);
        String rolloverPrefix = envValue(rolloverEnv(plan), "INDEX_PREFIX");

        for (String artifact : new String[] {JaegerArtifacts.COLLECTOR_CONFIG, JaegerArtifacts.QUERY_CONFIG}) {
            JsonNode es = storage(plan, artifact);
            assertThat(es.path("indices").path("index_prefix").asText()).isEqualTo(rolloverPrefix).isEqualTo(stack);
            assertThat(es.path("use_aliases").asBoolean()).isTrue();
            assertThat(es.path("use_ilm").asBoolean()).isTrue();
        }
        String cronPrefix = envValue(plan.get("kubernetes:batch/v1:CronJob", "jaeger-spark-dependencies")
                .input("spec.jobTemplate.spec.template.spec.containers").get(0).path("env"), "ES_INDEX_PREFIX");
        assertThat(cronPrefix).isEqualTo(rolloverPrefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void jaegersElasticsearchUrlIsTheEckHttpServiceOfThePlannedCluster(String stack) throws Exception {
        Plan plan = StackHarness.synth(stack);
        PlannedResource cluster = plan.get(ElasticsearchStackTest.CLUSTER, "elasticsearch-cluster");
        String eckService = "https://" + cluster.input("metadata.name").asText() + "-es-http."
                + cluster.input("metadata.namespace").asText() + ".svc:" + Ports.ELASTICSEARCH_HTTP;

        assertThat(storage(plan, JaegerArtifacts.COLLECTOR_CONFIG).path("server_urls").get(0).asText())
                .isEqualTo(eckService);
        assertThat(storage(plan, JaegerArtifacts.QUERY_CONFIG).path("server_urls").get(0).asText())
                .isEqualTo(eckService);
        assertThat(envValue(rolloverEnv(plan), "ES_URL")).isEqualTo(eckService);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void everyElasticsearchClientMountsItsOwnUsersSecretFromTheClustersFileRealmAndEcksCa(String stack) {
        Plan plan = StackHarness.synth(stack);
        PlannedResource cluster = plan.get(ElasticsearchStackTest.CLUSTER, "elasticsearch-cluster");
        List<String> realm = cluster.input("spec.auth.fileRealm").findValuesAsText("secretName");
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        pods.put("jaeger-es-user-writer", plan.get("kubernetes:apps/v1:Deployment", "jaeger-collector-workload")
                .input("spec.template"));
        pods.put("jaeger-es-user-reader", plan.get("kubernetes:apps/v1:Deployment", "jaeger-query-workload")
                .input("spec.template"));
        pods.put("jaeger-es-user-init", plan.get(ElasticsearchStackTest.JOB, "elasticsearch-ilm-init")
                .input("spec.template"));
        pods.put("jaeger-es-user-dependencies", plan.get("kubernetes:batch/v1:CronJob", "jaeger-spark-dependencies")
                .input("spec.jobTemplate.spec.template"));

        pods.forEach((user, pod) -> {
            assertThat(pod.path("spec").path("volumes").findValuesAsText("secretName")).as(user)
                    .containsExactlyInAnyOrder(user, cluster.input("metadata.name").asText() + "-es-http-certs-public");
            assertThat(realm).as("the users ECK puts in the file realm").contains(user);
            assertThat(pod.path("metadata").path("labels").path("tracestack.dev/elasticsearch-client").asText())
                    .as("the label the Elasticsearch NetworkPolicy admits").isEqualTo("true");
        });
        assertThat(Artifacts.json(plan.resources())).as("no client reads ECK's elastic superuser")
                .doesNotContain("-es-elastic-user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void theSetupStepAppliesThePolicyNameRolloverInitExpects(String stack) {
        Plan plan = StackHarness.synth(stack);
        JsonNode setup = plan.get(ElasticsearchStackTest.JOB, "elasticsearch-ilm-init")
                .input("spec.template.spec.initContainers").get(0).path("env");

        assertThat(envValue(setup, "ILM_POLICY")).isEqualTo(envValue(rolloverEnv(plan), "ES_ILM_POLICY_NAME"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void theFilesTheConfigsPointAtAreInTheMountedConfigMaps(String stack) throws Exception {
        Plan plan = StackHarness.synth(stack);
        JsonNode collector = Artifacts.YAML.readTree(plan.rendered().file(JaegerArtifacts.COLLECTOR_CONFIG));
        JsonNode query = Artifacts.YAML.readTree(plan.rendered().file(JaegerArtifacts.QUERY_CONFIG));
        JsonNode collectorData = plan.get("kubernetes:core/v1:ConfigMap", "jaeger-collector-config").input("data");
        JsonNode queryData = plan.get("kubernetes:core/v1:ConfigMap", "jaeger-query-config").input("data");

        String strategies = collector.path("extensions").path("remote_sampling").path("file").path("path").asText();
        String ui = query.path("extensions").path("jaeger_query").path("ui").path("config_file").asText();
        assertThat(strategies).startsWith("/etc/jaeger/");
        assertThat(collectorData.has(strategies.substring("/etc/jaeger/".length()))).isTrue();
        assertThat(queryData.has(ui.substring("/etc/jaeger/".length()))).isTrue();
        assertThat(plan.get("kubernetes:apps/v1:Deployment", "jaeger-collector-workload")
                .input("spec.template.spec.containers").get(0).path("volumeMounts").findValuesAsText("mountPath"))
                .contains("/etc/jaeger");
    }
}
