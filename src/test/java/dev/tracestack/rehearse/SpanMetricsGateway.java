package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One of prod's gateways on the real collector, as deployed but rewired to loopback and to a
 * {@link GoogleApiRecorder}, with its span metrics flushed every 2 s instead of every minute so that their
 * points arrive within a test.
 */
final class SpanMetricsGateway {

    private SpanMetricsGateway() {
    }

    /**
     * Starts the gateway, hands {@code send} its OTLP gRPC endpoint ({@code http://host:port}), waits for the
     * connector's flushes and stops it; returns what the recorder received, for {@link Capture} to read.
     */
    static Path run(Path dir, Consumer<String> send) throws Exception {
        return run(dir, UnaryOperator.identity(), Duration.ofSeconds(8), send);
    }

    /**
     * The same, with {@code alsoRewire} applied to the rewired config and {@code flushes} as the wait for the
     * flushes after {@code send}.
     */
    static Path run(Path dir, UnaryOperator<String> alsoRewire, Duration flushes, Consumer<String> send)
            throws Exception {
        String deployed = RenderedStack.render(StackHarness.config("prod")).file("collector/gateway.yaml");
        LoopbackPorts ports = new LoopbackPorts();
        Files.createDirectories(dir.resolve("state"));
        Path received = dir.resolve("received");
        GoogleApiRecorder google = GoogleApiRecorder.start(received);
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, ports.address(),
                resolver -> resolver, ports.address(), google.endpoint(), dir.resolve("state"));
        RehearsalLayout layout = RehearsalLayout.create(dir.resolve("rehearsal"));
        String config = alsoRewire.apply(CollectorRewiring.rewire("gateway-0", deployed, addresses).rewired()
                .replace("metrics_flush_interval: 60s", "metrics_flush_interval: 2s"));
        assertThat(config).contains("metrics_flush_interval: 2s");
        Path file = layout.root().resolve("configs/gateway-0.yaml");
        Files.writeString(file, config);

        try (google; ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("gateway-0", List.of(E2ePrograms.COLLECTOR.toString(),
                    "--config", file.toString()), SecretEnvironment.gateway(), layout.log("gateway-0"));
            ChildProcesses.awaitHealthy(collector, "http://" + addresses.healthCheck() + "/", Duration.ofSeconds(30));
            send.accept("http://" + addresses.otlpGrpc());
            ChildProcesses.sleep(flushes);
            collector.stop();
        }
        return received;
    }
}
