package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rehearsal runs the deployed collector configs with addresses rewritten and nothing else. */
class CollectorRewiringTest {

    /** Every path the rewiring may change: addresses, the queue's directory, the Google exporters' endpoints. */
    private static final List<Pattern> ALLOWED = Stream.of(
            "/receivers/otlp/protocols/(grpc|http)/endpoint",
            "/receivers/otlp~1self/protocols/grpc/endpoint",
            "/receivers/zipkin/endpoint",
            "/receivers/jaeger/protocols/(grpc|thrift_http)/endpoint",
            "/extensions/(health_check|zpages)/endpoint",
            "/extensions/file_storage/(compaction/)?directory",
            "/exporters/load_balancing/resolver",
            "/exporters/otlp_grpc~1jaeger/endpoint",
            "/exporters/googlecloud/(trace|metric)(/(endpoint|use_insecure))?",
            "/exporters/googlecloudpubsub/(endpoint|insecure)",
            "/service/telemetry/metrics/readers/\\d+/pull/exporter/prometheus/(host|port)",
            "/service/telemetry/metrics/readers/\\d+/periodic/exporter/otlp/endpoint").map(Pattern::compile).toList();

    static Stream<Arguments> tiers() {
        return Stream.of("dev", "stage", "prod", "local").flatMap(stack -> {
            RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));
            return rendered.files().entrySet().stream().filter(e -> e.getKey().startsWith("collector/"))
                    .map(e -> Arguments.of(stack, e.getKey(), e.getValue()));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tiers")
    void changesOnlyAddressesAndPaths(String stack, String artifact, String deployed) {
        RewiredConfig rewired = CollectorRewiring.rewire("gateway-0", deployed, addresses());

        assertThat(rewired.changedPaths()).isNotEmpty()
                .allSatisfy(path -> assertThat(ALLOWED).as(path).anyMatch(p -> p.matcher(path).matches()));
        assertThat(withoutChanges(rewired.rewired(), rewired)).isEqualTo(withoutChanges(deployed, rewired));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tiers")
    void printsEveryUnchangedLineAsDeployed(String stack, String artifact, String deployed) {
        // The rewiring edits the parsed config and prints it with the renderers' own serializer.
        assertThat(Artifacts.yaml(tree(deployed))).isEqualTo(deployed);
    }

    @Test
    void routesTheGatewaysToTheLocalSamplersThroughTheResolverGiven() {
        String gateway = RenderedStack.render(StackHarness.config("dev")).file("collector/gateway.yaml");

        JsonNode rewired = tree(CollectorRewiring.rewire("gateway-0", gateway, addresses()).rewired());

        assertThat(rewired.at("/exporters/load_balancing/resolver").toString())
                .isEqualTo("{\"dns\":{\"hostname\":\"otel-collector-sampler.rehearsal.internal\",\"port\":\"7001\"}}");
        assertThat(rewired.at("/exporters/load_balancing/routing_key").asText()).isEqualTo("traceID");
    }

    @Test
    void keepsTheGoogleExportersAsDeployedAndPointsThemAtTheRecorderInPlaintext() {
        String gateway = RenderedStack.render(StackHarness.config("prod")).file("collector/gateway.yaml");

        RewiredConfig rewired = CollectorRewiring.rewire("gateway-0", gateway, addresses());
        JsonNode tree = tree(rewired.rewired());

        assertThat(tree.at("/exporters/googlecloud/trace").toString())
                .isEqualTo("{\"endpoint\":\"127.0.0.1:7004\",\"use_insecure\":true}");
        assertThat(tree.at("/exporters/googlecloud/metric").toString()).isEqualTo("{\"prefix\":\"workload.googleapis.com/\","
                + "\"endpoint\":\"127.0.0.1:7004\",\"use_insecure\":true}");
        assertThat(tree.at("/exporters/googlecloudpubsub/endpoint").asText()).isEqualTo("127.0.0.1:7004");
        assertThat(tree.at("/exporters/googlecloudpubsub/insecure").asBoolean()).isTrue();
        assertThat(tree.at("/exporters/googlecloudpubsub/topic").asText()).isEqualTo("projects/dta-cloud-de-prod/topics/otel-traces-prod");
        assertThat(tree.at("/service/pipelines/traces/exporters").toString())
                .isEqualTo(tree(gateway).at("/service/pipelines/traces/exporters").toString());
        assertThat(rewired.diff()).contains("+      use_insecure: true", "+    insecure: true", "+    endpoint: 127.0.0.1:7004")
                .doesNotContain("-  googlecloud", "file/");
    }

    @Test
    void refusesAConfigWithAnAddressItDoesNotKnowHowToRewire() {
        String gateway = RenderedStack.render(StackHarness.config("dev")).file("collector/gateway.yaml")
                .replace("exporters:\n", "exporters:\n  otlphttp/extra:\n    endpoint: http://other.observability.svc.cluster.local:4318\n");

        assertThatThrownBy(() -> CollectorRewiring.rewire("gateway-0", gateway, addresses()))
                .isInstanceOf(RehearsalException.class)
                .hasMessageContaining("/exporters/otlphttp~1extra/endpoint=http://other.observability.svc.cluster.local:4318");
    }

    private static CollectorRewiring.Addresses addresses() {
        return new CollectorRewiring.Addresses("127.0.0.1:6001", "127.0.0.1:6002", "127.0.0.1:6003", "127.0.0.1:6004",
                "127.0.0.1:6005", "127.0.0.1:6006", "127.0.0.1:6007", "127.0.0.1:6009", 6008,
                CollectorRewiringTest::localSamplers, "127.0.0.1:7003", "127.0.0.1:7004", Path.of("/state"));
    }

    /** The deployed DNS resolver asking for the local samplers' name and port, as SamplerDiscovery rewires it. */
    private static JsonNode localSamplers(JsonNode deployed) {
        ObjectNode resolver = deployed.deepCopy();
        ((ObjectNode) resolver.get("dns")).put("hostname", SamplerDiscovery.HOSTNAME).put("port", "7001");
        return resolver;
    }

    /** The config with every changed path removed, so what is left must be equal. */
    private static JsonNode withoutChanges(String yaml, RewiredConfig rewired) {
        JsonNode tree = tree(yaml);
        for (String path : rewired.changedPaths()) {
            int slash = path.lastIndexOf('/');
            JsonNode parent = tree.at(path.substring(0, slash));
            if (parent instanceof ObjectNode object) {
                object.remove(path.substring(slash + 1).replace("~1", "/"));
            }
        }
        return tree;
    }

    static JsonNode tree(String yaml) {
        try {
            return Artifacts.YAML.readTree(yaml);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
