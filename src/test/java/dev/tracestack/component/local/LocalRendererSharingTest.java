package dev.tracestack.component.local;

import static dev.tracestack.component.local.LocalStackGraphTest.CONTAINER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.plan.Plan;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorConfig;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.elasticsearch.IlmPolicyRenderer;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerConfigRenderer;
import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local containers mount what the shared renderers produce, and those renderers give the local stack
 * the same pipeline, PII rules and ILM policy as a cluster with the same settings: only addresses differ.
 */
class LocalRendererSharingTest {

    private final Plan plan = StackHarness.synth("local");
    private final StackConfig config = plan.config();

    /** The local stack's settings on the kubernetes platform: what the cluster path would render. */
    private static StackConfig sameSettingsOnKubernetes() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("tracestack:platform", "kubernetes");
        overrides.put("tracestack:local", null);
        overrides.put("gcp:project", "dta-cloud-de-dev");
        return StackConfigParser.parse(StackHarness.withOverrides("local", overrides));
    }

    private String upload(String role, String file) {
        for (JsonNode upload : plan.get(CONTAINER, "local-" + role).input("uploads")) {
            if (upload.path("file").asText().equals(file)) {
                return upload.path("content").asText();
            }
        }
        throw new AssertionError("local-" + role + " uploads no " + file);
    }

    @Test
    void theCollectorMountsExactlyWhatTheCollectorRendererProduces() {
        CollectorTier gateway = CollectorTier.of(config).get(0);
        String rendered = Artifacts.yaml(CollectorConfigRenderer.config(config, gateway));

        assertThat(upload("collector", "/etc/otelcol-contrib/config.yaml"))
                .isEqualTo(rendered)
                .isEqualTo(RenderedStack.render(config).file("collector/gateway.yaml"));
    }

    @Test
    void jaegerMountsExactlyWhatTheJaegerRenderersProduce() {
        RenderedStack rendered = RenderedStack.render(config);

        assertThat(upload("jaeger", "/etc/jaeger/config.yaml"))
                .isEqualTo(Artifacts.yaml(JaegerConfigRenderer.allInOne(config)));
        assertThat(upload("jaeger", "/etc/jaeger/sampling-strategies.json"))
                .isEqualTo(rendered.file("jaeger/sampling-strategies.json"));
        assertThat(upload("jaeger", "/etc/jaeger/ui-config.json")).isEqualTo(rendered.file("jaeger/ui-config.json"));
    }

    @Test
    void theInitAppliesTheIlmPolicyTheClusterPathRendersForTheSameSettings() {
        String clusterPolicy = RenderedStack.render(sameSettingsOnKubernetes()).file(ElasticsearchArtifacts.ILM_POLICY);

        assertThat(upload("ilm-policy", "/init/ilm-policy.json"))
                .isEqualTo(Artifacts.json(IlmPolicyRenderer.policy(config)))
                .isEqualTo(clusterPolicy);
        assertThat(plan.get(CONTAINER, "local-ilm-policy").input("command").toString())
                .contains("http://elasticsearch:9200/_ilm/policy/" + JaegerIndices.ILM_POLICY);
    }

    @Test
    void theRolloverInitRunsTheSharedFlags() {
        JsonNode command = plan.get(CONTAINER, "local-rollover-init").input("command");

        assertThat(command.get(0).asText()).isEqualTo("init");
        assertThat(command.get(1).asText()).isEqualTo("http://elasticsearch:9200");
        assertThat(Artifacts.JSON.convertValue(command, java.util.List.class).subList(2, command.size()))
                .isEqualTo(JaegerIndices.rolloverInitFlags(config))
                .contains("--index-prefix=dev", "--replicas=0");
    }

    @Test
    void onlyAddressesDifferFromTheClusterPathForTheSameSettings() {
        StackConfig cluster = sameSettingsOnKubernetes();
        CollectorConfig local = CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));
        CollectorConfig remote = CollectorConfigRenderer.config(cluster, CollectorTier.of(cluster).get(0));

        assertThat(local.receivers()).isEqualTo(remote.receivers());
        assertThat(local.processors().get("attributes/pii")).isEqualTo(remote.processors().get("attributes/pii"));
        assertThat(local.processors().get("filter/noise")).isEqualTo(remote.processors().get("filter/noise"));
        assertThat(local.service().pipelines().get("traces").processors())
                .isEqualTo(remote.service().pipelines().get("traces").processors());
        assertThat(Artifacts.yaml(local.exporters().get("otlp/jaeger")))
                .contains("endpoint: jaeger:4317")
                .isEqualTo(Artifacts.yaml(remote.exporters().get("otlp/jaeger"))
                        .replace("jaeger-collector.observability.svc.cluster.local:4317", "jaeger:4317"));
    }

    @Test
    void withoutGoogleCloudTheCollectorHasNoGoogleExporterButKeepsItsPrometheusEndpoint() {
        CollectorConfig local = CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));

        assertThat(local.exporters()).containsOnlyKeys("otlp/jaeger");
        assertThat(local.service().pipelines()).containsOnlyKeys("traces");
        assertThat(Artifacts.yaml(local.service().telemetry())).contains("port: 8888").doesNotContain("periodic");
        assertThat(Artifacts.yaml(local.extensions().get("zpages"))).contains("0.0.0.0:55679");
    }
}
