package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered key exists, with its type, in the pinned collector-contrib 0.158 (see {@link AcceptedKeys}). */
class CollectorAcceptedKeysTest {

    static Stream<Arguments> renderedFiles() {
        return Stream.of("dev", "stage", "prod", "local").flatMap(stack ->
                RenderedTier.files(CollectorConfigRenderer.tiers(StackHarness.config(stack))).entrySet().stream()
                        .map(file -> Arguments.of(stack + "/" + file.getKey(), file.getValue())));
    }

    private static CollectorConfig prodGateway() {
        return CollectorConfigRenderer.config(StackHarness.config("prod"),
                CollectorTier.of(StackHarness.config("prod")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> section, String id) {
        return (Map<String, Object>) section.get(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderedFiles")
    void everyKeyOfEveryComponentExistsWithItsTypeInTheCollectorVersion(String file, String yaml) {
        assertThat(AcceptedKeys.violations(yaml)).as(file).isEmpty();
    }

    @Test
    void aTopLevelPubSubEncodingAndRetriesOnTheGoogleCloudExporterWouldBeRejected() {
        CollectorConfig config = prodGateway();
        body(config.exporters(), "googlecloudpubsub").put("encoding", "otlp_json");
        body(config.exporters(), "googlecloud").put("retry_on_failure", Body.of("enabled", true));

        assertThat(AcceptedKeys.violations(Artifacts.yaml(config))).containsExactly(
                "exporters.googlecloud.retry_on_failure.enabled: unknown key",
                "exporters.googlecloudpubsub.encoding: unknown key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLaterSchemasOtlpGrpcReaderAndAnEncodingWithoutItsExtensionWouldBeRejected() {
        CollectorConfig config = prodGateway();
        List<Object> readers = (List<Object>) body(config.service().telemetry(), "metrics").get("readers");
        readers.add(Body.of("periodic", Body.of("exporter", Body.of("otlp_grpc",
                Body.of("endpoint", "http://localhost:4317")))));
        config.extensions().remove("otlp_encoding/json");

        assertThat(AcceptedKeys.violations(Artifacts.yaml(config))).containsExactly(
                "exporters.googlecloudpubsub.traces.encoding: otlp_encoding/json is not extension",
                "service.telemetry.metrics.readers[].periodic.exporter.otlp_grpc.endpoint: unknown key");
    }

    @Test
    void theTypeNamesContribRenamedAreRenderedUnderTheirNewNames() {
        CollectorConfig config = CollectorConfigRenderer.config(StackHarness.config("dev"),
                CollectorTier.of(StackHarness.config("dev")).get(0));
        config.exporters().put("loadbalancing", config.exporters().remove("load_balancing"));
        config.connectors().put("spanmetrics", config.connectors().remove("span_metrics"));

        assertThat(AcceptedKeys.violations(Artifacts.yaml(config))).containsExactly(
                "connectors.spanmetrics: deprecated alias of span_metrics",
                "exporters.loadbalancing: deprecated alias of load_balancing");
    }

    @Test
    void theOtlpExporterIsRenderedAsOtlpGrpcWhileTheOtlpReceiverKeepsItsName() {
        CollectorConfig config = prodGateway();
        assertThat(config.receivers()).containsKey("otlp");
        config.exporters().put("otlp/jaeger", config.exporters().remove("otlp_grpc/jaeger"));

        assertThat(AcceptedKeys.violations(Artifacts.yaml(config)))
                .containsExactly("exporters.otlp/jaeger: deprecated alias of otlp_grpc");
    }

    @Test
    void pubSubMessagesAreUncompressedOtlpJsonThatSaysSoInItsAttributes() {
        CollectorConfig config = prodGateway();
        Map<String, Object> pubsub = body(config.exporters(), "googlecloudpubsub");

        assertThat(pubsub).doesNotContainKey("compression");
        assertThat(body(pubsub, "traces")).containsEntry("encoding", "otlp_encoding/json")
                .containsEntry("attributes", Map.of("ce-type", "org.opentelemetry.otlp.traces.v1",
                        "content-type", "application/json"));
        assertThat(config.extensions()).containsEntry("otlp_encoding/json", Map.of("protocol", "otlp_json"));
        assertThat(config.service().extensions()).contains("otlp_encoding/json");
    }
}
