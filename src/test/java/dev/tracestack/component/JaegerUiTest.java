package dev.tracestack.component;

import static dev.tracestack.component.JaegerStackTest.envValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.testing.StackHarness;
import dev.tracestack.wire.Ports;
import org.junit.jupiter.api.Test;

/** Who reaches Jaeger's UI (only through the OAuth proxy), and the dependency view it shows (real stack files). */
class JaegerUiTest {

    @Test
    void theUiIsReachableOnlyFromTheOAuthProxy() {
        JsonNode rules = StackHarness.synth("stage").get("kubernetes:networking.k8s.io/v1:NetworkPolicy",
                "jaeger-query-network-policy").input("spec.ingress");

        JsonNode ui = rules.get(0);
        assertThat(ui.path("ports").get(0).path("port").asInt()).isEqualTo(Ports.JAEGER_UI);
        assertThat(ui.path("from").get(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/component").asText()).isEqualTo("oauth2-proxy");
    }

    @Test
    void theIngressSendsEveryPathOfTheHostToTheProxy() {
        JsonNode spec = StackHarness.synth("prod").get("kubernetes:networking.k8s.io/v1:Ingress", "jaeger-ui")
                .input("spec");

        assertThat(spec.path("rules").get(0).path("host").asText()).isEqualTo("jaeger.prod.tracing.example.com");
        assertThat(spec.path("rules").get(0).path("http").path("paths").get(0).path("path").asText()).isEqualTo("/");
        assertThat(spec.path("rules").get(0).path("http").path("paths").get(0).path("backend").path("service")
                .path("name").asText()).isEqualTo("jaeger-oauth2-proxy");
    }

    @Test
    void theDependencyGraphJobRunsDailyThroughTheReadAliases() {
        PlannedResource cron = StackHarness.synth("stage").get("kubernetes:batch/v1:CronJob", "jaeger-spark-dependencies");

        assertThat(cron.input("spec.schedule").asText()).isEqualTo("15 0 * * *");
        JsonNode env = cron.input("spec.jobTemplate.spec.template.spec.containers").get(0).path("env");
        assertThat(envValue(env, "ES_USE_ALIASES")).isEqualTo("true");
        assertThat(envValue(env, "ES_INDEX_PREFIX")).isEqualTo("stage");
        assertThat(envValue(env, "ES_NODES")).isEqualTo(JaegerIndices.url("observability"));
    }

    @Test
    void theDependencyGraphJobRunsTheElasticsearch8VariantOfThePinnedRelease() {
        JsonNode pod = StackHarness.synth("stage").get("kubernetes:batch/v1:CronJob", "jaeger-spark-dependencies")
                .input("spec.jobTemplate.spec.template.spec");

        String expected = "ghcr.io/jaegertracing/spark-dependencies/spark-dependencies:v0.7.0-elasticsearch8";
        assertThat(pod.path("containers").get(0).path("image").asText()).isEqualTo(expected);
        assertThat(pod.path("initContainers").get(0).path("image").asText()).isEqualTo(expected);
        assertThat(pod.path("containers").get(0).path("env").findValuesAsText("name")).doesNotContain("STORAGE");
    }

    @Test
    void theUiConfigEnablesTheDependencyView() throws Exception {
        JsonNode ui = Artifacts.JSON.readTree(StackHarness.synth("stage").rendered().file(JaegerArtifacts.UI_CONFIG));

        assertThat(ui.path("dependencies").path("menuEnabled").asBoolean()).isTrue();
    }
}
