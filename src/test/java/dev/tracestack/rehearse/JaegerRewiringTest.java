package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rehearsal runs the deployed Jaeger configs with addresses and pod-only file paths rewritten. */
class JaegerRewiringTest {

    private static final List<Pattern> ALLOWED = Stream.of(
            "/receivers/otlp/protocols/(grpc|http)/endpoint",
            "/extensions/healthcheckv2/http/endpoint",
            "/extensions/remote_sampling/(http/endpoint|file/path)",
            "/extensions/jaeger_query/(http/endpoint|grpc/endpoint|ui/config_file)",
            "/extensions/jaeger_storage/backends/[^/]+/elasticsearch/(server_urls|auth/basic/password_file|tls/ca_file)",
            "/service/telemetry/metrics/readers/\\d+/pull/exporter/prometheus/(host|port)").map(Pattern::compile).toList();

    static Stream<Arguments> configs() {
        return Stream.of("stage", "prod", "local").flatMap(stack -> {
            RenderedStack rendered = RenderedStack.render(StackHarness.config(stack));
            return rendered.files().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("jaeger/") && e.getKey().endsWith(".yaml"))
                    .map(e -> Arguments.of(stack, e.getKey(), e.getValue()));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configs")
    void changesOnlyAddressesAndTheFilesAPodGetsFromSecretsAndConfigMaps(String stack, String artifact, String deployed) {
        RewiredConfig rewired = JaegerRewiring.rewire("jaeger", deployed, addresses());

        assertThat(rewired.changedPaths()).isNotEmpty()
                .allSatisfy(path -> assertThat(ALLOWED).as(path).anyMatch(p -> p.matcher(path).matches()));
        JsonNode tree = CollectorRewiringTest.tree(rewired.rewired());
        assertThat(tree.at("/extensions/jaeger_storage/backends/es_main/elasticsearch/server_urls/0").asText())
                .isEqualTo("https://127.0.0.1:9300");
        assertThat(tree.at("/extensions/jaeger_storage/backends/es_main/elasticsearch/indices/index_prefix").asText())
                .isEqualTo(CollectorRewiringTest.tree(deployed)
                        .at("/extensions/jaeger_storage/backends/es_main/elasticsearch/indices/index_prefix").asText());
    }

    private static JaegerRewiring.Addresses addresses() {
        return new JaegerRewiring.Addresses("127.0.0.1:6001", "127.0.0.1:6002", "127.0.0.1:6003", "127.0.0.1:6004",
                "127.0.0.1:6005", "127.0.0.1:6006", 6007, "https://127.0.0.1:9300", Path.of("/es/password"),
                Path.of("/es/ca.crt"), Path.of("/jaeger/sampling-strategies.json"), Path.of("/jaeger/ui-config.json"));
    }
}
