package dev.tracestack.render.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The collector's Jaeger exporter points at the Service the Jaeger part really creates, on its OTLP port. */
class CollectorSendsToJaegerTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode jaegerExporterOfTheDecidingTier(Plan plan) throws Exception {
        // With tail sampling the sampler tier exports; with one tier, the gateway does.
        Map<String, String> files = plan.rendered().files();
        String tier = files.containsKey("collector/sampler.yaml") ? "collector/sampler.yaml" : "collector/gateway.yaml";
        return YAML.readTree(files.get(tier)).at("/exporters/otlp_grpc~1jaeger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void theOtlpJaegerEndpointIsTheJaegerCollectorServicesGrpcPort(String stack) throws Exception {
        Plan plan = StackHarness.synth(stack);
        PlannedResource service = plan.within("jaeger").ofType("kubernetes:core/v1:Service").stream()
                .filter(s -> s.input("metadata.name").asText().equals("jaeger-collector"))
                .findFirst().orElseThrow();
        JsonNode grpc = null;
        for (JsonNode port : service.input("spec.ports")) {
            if (port.path("name").asText().equals("otlp-grpc")) {
                grpc = port;
            }
        }
        assertThat(grpc).as("an otlp-grpc port on the Jaeger collector Service").isNotNull();
        String expected = service.input("metadata.name").asText() + "." + service.input("metadata.namespace").asText()
                + ".svc.cluster.local:" + grpc.path("port").asInt();

        assertThat(jaegerExporterOfTheDecidingTier(plan).path("endpoint").asText()).isEqualTo(expected);
    }

    @Test
    void devHasNoJaegerAndTheCollectorDoesNotTryToReachOne() throws Exception {
        Plan plan = StackHarness.synth("dev");
        assertThat(plan.within("jaeger").resources()).isEmpty();
        assertThat(jaegerExporterOfTheDecidingTier(plan).isMissingNode()).isTrue();
        assertThat(plan.rendered().files()).allSatisfy((path, text) -> {
            if (path.startsWith("collector/")) {
                assertThat(text).as(path).doesNotContain("otlp_grpc/jaeger");
            }
        });
    }
}
