package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why Jaeger's roles wait for the index init Job, shown on the real Elasticsearch: a span Jaeger writes
 * before {@code jaeger-es-rollover init} makes Elasticsearch create a plain index under the write
 * alias's name, and the init then fails; in the deployed order (init first) the span lands in the
 * rolled-over index behind the alias.
 */
class JaegerIndexOrderIT {

    private static final String PREFIX = "order";
    private static JaegerStorage storage;

    @BeforeAll
    static void startElasticsearch() {
        storage = SharedStorage.get();
    }

    @Test
    void aSpanWrittenBeforeTheInitTakesTheAliasNameAndTheInitThenFails(@TempDir Path dir) {
        storage.node().deleteIndices(PREFIX);
        try (ChildProcesses processes = new ChildProcesses()) {
            String otlp = startJaegerCollector(dir, processes);
            sendOneTrace(otlp);
            awaitIndex(PREFIX + "-jaeger-span-write");

            assertThat(storage.node().send("GET", "/_alias/" + PREFIX + "-jaeger-span-write", null).statusCode()).isEqualTo(404);
            assertThat(runInit(dir)).isNotZero();
        }
    }

    @Test
    void inTheDeployedOrderTheSpanLandsInTheIndexBehindTheWriteAlias(@TempDir Path dir) {
        storage.node().deleteIndices(PREFIX);
        assertThat(runInit(dir)).isZero();
        try (ChildProcesses processes = new ChildProcesses()) {
            String otlp = startJaegerCollector(dir, processes);
            sendOneTrace(otlp);
            awaitIndex(PREFIX + "-jaeger-span-000001");

            assertThat(storage.node().send("GET", "/_alias/" + PREFIX + "-jaeger-span-write", null).body())
                    .contains(PREFIX + "-jaeger-span-000001");
        }
    }

    /** Stage's collector role, on its own index prefix so as not to meet the rehearsals' indices. */
    private static String startJaegerCollector(Path dir, ChildProcesses processes) {
        RenderedStack rendered = RenderedStack.render(StackHarness.config("stage"));
        // The index order is the subject here, not the identities (ElasticsearchRolesIT): elastic writes.
        String deployed = rendered.file(JaegerArtifacts.COLLECTOR_CONFIG).replace("index_prefix: stage", "index_prefix: " + PREFIX)
                .replace("username: stage-jaeger-writer", "username: elastic");
        Path password = dir.resolve("es-password");
        RehearsalLayout.write(password, storage.node().password());
        Path strategies = dir.resolve("sampling-strategies.json");
        RehearsalLayout.write(strategies, rendered.file(JaegerArtifacts.STRATEGIES));
        LoopbackPorts ports = new LoopbackPorts();
        JaegerRewiring.Addresses addresses = JaegerRewiring.Addresses.allocate(ports, storage.url(), password,
                storage.caFile(), strategies, dir.resolve("ui-config.json"));
        RehearsalLayout layout = RehearsalLayout.create(dir.resolve("rehearsal"));
        Path config = layout.writeConfig(JaegerRewiring.rewire("jaeger-collector", deployed, addresses));
        ChildProcess jaeger = processes.start("jaeger-collector",
                List.of(E2ePrograms.JAEGER.toString(), "--config", config.toString()), Map.of(), layout.log("jaeger-collector"));
        ChildProcesses.awaitHealthy(jaeger, "http://" + addresses.health() + "/status", Duration.ofSeconds(60));
        return addresses.otlpGrpc();
    }

    private static void sendOneTrace(String otlp) {
        try (TrafficGenerator traffic = new TrafficGenerator(List.of(otlp), 1, StackHarness.config("stage").collector(), 2000)) {
            traffic.send(1, 10, i -> { });
            traffic.flush();
        }
    }

    private static void awaitIndex(String index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storage.node().send("GET", "/_cat/indices/" + index, null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("index " + index + " within 30 s").isLessThan(deadline);
            ChildProcesses.sleep(Duration.ofMillis(500));
        }
    }

    private static int runInit(Path dir) {
        List<String> command = new ArrayList<>(List.of(E2ePrograms.ES_ROLLOVER.toString(), "init", storage.url()));
        ProcessBuilder init = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("es-rollover.log").toFile());
        init.environment().putAll(Map.of("INDEX_PREFIX", PREFIX, "ES_USE_ILM", "false", "SHARDS", "1", "REPLICAS", "0",
                "ES_USERNAME", ElasticsearchNode.USER, "ES_PASSWORD", storage.node().password(),
                "ES_TLS_ENABLED", "true", "ES_TLS_CA", storage.caFile().toString()));
        try {
            return init.start().waitFor();
        } catch (Exception e) {
            throw new AssertionError("cannot run es-rollover", e);
        }
    }
}
