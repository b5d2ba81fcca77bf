package dev.tracestack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.SensitiveData;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import dev.tracestack.rehearse.ServiceFleet;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every collector and Jaeger config a stack renders is accepted by the program that runs it: the
 * collector built from the deployed release's modules and Jaeger v2 built from its module, each with
 * its own {@code validate} command (which decodes every component's config strictly and runs its
 * validation). The four stack files, and variants of them that switch the parts of the config that
 * change its shape.
 */
class RenderedConfigsAcceptedIT {

    /** What a gateway pod gets from its Secret: the key its keyed hash reads from the environment. */
    private static final Map<String, String> GATEWAY_SECRETS =
            Map.of(SensitiveData.HASH_KEY_ENV, "a-hash-key-as-long-as-the-stack-requires");

    static Stream<Arguments> stacks() {
        return Stream.of(
                Arguments.of("dev", Map.of()),
                Arguments.of("stage", Map.of()),
                Arguments.of("prod", Map.of()),
                Arguments.of("local", Map.of()),
                Arguments.of("dev", Map.of("tracestack:collector", "{\"receivers\":{\"zipkin\":false,\"jaeger\":true}}")),
                Arguments.of("dev", Map.of("tracestack:collector", "{\"persistentQueue\":{\"enabled\":true}}")),
                Arguments.of("dev", Map.of("tracestack:sampling", "{\"defaultRate\":1.0}")),
                Arguments.of("stage", Map.of("tracestack:detailedTracing", "false")),
                Arguments.of("prod", Map.of("tracestack:collector", "{\"persistentQueue\":{\"enabled\":false}}")),
                Arguments.of("prod", Map.of("tracestack:detailedTracing", "false")),
                Arguments.of("prod", Map.of("tracestack:sampling", "{\"defaultRate\":0.5,\"errorRate\":1.0,\"slowRate\":1.0}")),
                Arguments.of("prod", Map.of("tracestack:exporters", "{\"cloudTrace\":false,\"jaeger\":true,\"bigQuery\":false}")),
                Arguments.of("local", Map.of("tracestack:collector", "{\"receivers\":{\"zipkin\":false,\"jaeger\":false}}")),
                // A generated fleet of services with rates, objectives and teams of their own: prod gets a sampler tier.
                Arguments.of("stage", Named.of("with 1,000 services", ServiceFleet.overrides(StackHarness.source("stage"), 1_000))),
                Arguments.of("prod", Named.of("with 1,000 services", ServiceFleet.overrides(StackHarness.source("prod"), 1_000))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stacks")
    void theCollectorAcceptsEveryTiersConfig(String stack, Map<String, String> overrides, @TempDir Path dir) throws IOException {
        RenderedStack rendered = render(stack, overrides);
        Map<String, String> collectorConfigs = only(rendered, "collector/");
        assertThat(collectorConfigs).isNotEmpty();
        for (Map.Entry<String, String> config : collectorConfigs.entrySet()) {
            // The persistent queue's directory is a volume in the pod; the collector checks it exists.
            String text = config.getValue().replace(CollectorConfigRenderer.QUEUE_DIRECTORY, dir.toString());
            E2ePrograms.Result result = validate(GATEWAY_SECRETS, E2ePrograms.COLLECTOR, dir, config.getKey(), text);
            assertThat(result.exitCode()).as(config.getKey() + " of " + stack + " " + overrides + ":\n" + result.output())
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stacks")
    void jaegerAcceptsEveryRolesConfig(String stack, Map<String, String> overrides, @TempDir Path dir) throws IOException {
        RenderedStack rendered = render(stack, overrides);
        Map<String, String> jaegerConfigs = only(rendered, "jaeger/");
        jaegerConfigs.keySet().removeIf(path -> !path.endsWith(".yaml"));
        for (Map.Entry<String, String> config : jaegerConfigs.entrySet()) {
            E2ePrograms.Result result = validate(E2ePrograms.JAEGER, dir, config.getKey(), config.getValue());
            assertThat(result.exitCode()).as(config.getKey() + " of " + stack + " " + overrides + ":\n" + result.output())
                    .isZero();
        }
    }

    @Test
    void theGatewayRefusesToStartWithoutItsHashKey(@TempDir Path dir) throws IOException {
        String gateway = render("prod", Map.of()).file("collector/gateway.yaml")
                .replace(CollectorConfigRenderer.QUEUE_DIRECTORY, dir.toString());

        E2ePrograms.Result result = validate(Map.of(), E2ePrograms.COLLECTOR, dir, "collector/gateway.yaml", gateway);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("hmac_key must not be empty when hash_function is \"hmac-sha256\"");
    }

    @Test
    void aHashKeyShorterThanTheStackAcceptsIsRefusedByTheCollectorToo(@TempDir Path dir) throws IOException {
        String gateway = render("dev", Map.of()).file("collector/gateway.yaml");

        E2ePrograms.Result result = validate(Map.of(SensitiveData.HASH_KEY_ENV, "x".repeat(31)), E2ePrograms.COLLECTOR,
                dir, "collector/gateway.yaml", gateway);

        assertThat(result.output()).contains("hmac_key must be at least 32 bytes long");
    }

    @Test
    void theCollectorRejectsAKeyItDoesNotKnow(@TempDir Path dir) throws IOException {
        String gateway = render("dev", Map.of()).file("collector/gateway.yaml").replace("send_batch_size:", "send_batch_sise:");

        E2ePrograms.Result result = validate(E2ePrograms.COLLECTOR, dir, "collector/gateway.yaml", gateway);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("send_batch_sise");
    }

    @Test
    void jaegerRejectsAKeyItDoesNotKnow(@TempDir Path dir) throws IOException {
        String query = render("prod", Map.of()).file("jaeger/query-config.yaml").replace("use_aliases:", "use_aliasez:");

        E2ePrograms.Result result = validate(E2ePrograms.JAEGER, dir, "jaeger/query-config.yaml", query);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("has invalid keys: use_aliasez");
    }

    private static RenderedStack render(String stack, Map<String, String> overrides) {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides(stack, overrides));
        return RenderedStack.render(config);
    }

    private static Map<String, String> only(RenderedStack rendered, String prefix) {
        Map<String, String> files = new java.util.TreeMap<>(rendered.files());
        files.keySet().removeIf(path -> !path.startsWith(prefix));
        return files;
    }

    private static E2ePrograms.Result validate(Path program, Path dir, String artifact, String text) throws IOException {
        return validate(Map.of(), program, dir, artifact, text);
    }

    private static E2ePrograms.Result validate(Map<String, String> environment, Path program, Path dir, String artifact,
                                               String text) throws IOException {
        Path file = dir.resolve(artifact.replace('/', '-'));
        Files.writeString(file, text);
        return E2ePrograms.run(environment, program, "validate", "--config", file.toString());
    }
}
