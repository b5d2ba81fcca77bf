package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.programs.ProgramException;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal leaves nothing running behind it, and a program that cannot start is one clear line. */
class RehearsalProcessesIT {

    private static final Path JAR = Path.of("target", "tracestack.jar").toAbsolutePath();

    @Test
    void ctrlCStopsEveryProgramTheRehearsalStarted(@TempDir Path out) throws Exception {
        Process rehearsal = new ProcessBuilder("java", "-Dtracestack.e2e=" + E2ePrograms.DIR, "-jar", JAR.toString(),
                "rehearse", "dev", "--traces", "1000000", "--dir", StackHarness.PROJECT_DIR.toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(rehearsal.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.contains("sending"));
            assertThat(line).as("the rehearsal got to sending traffic").isNotNull();
            List<ProcessHandle> started = rehearsal.descendants().toList();
            assertThat(started).as("gateways and samplers").hasSizeGreaterThanOrEqualTo(4);

            new ProcessBuilder("bash", "-c", "kill -INT " + rehearsal.pid()).start().waitFor();

            assertThat(rehearsal.waitFor(60, TimeUnit.SECONDS)).as("the rehearsal exits on SIGINT").isTrue();
            for (ProcessHandle child : started) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("pid " + child.pid()).isFalse();
            }
        } finally {
            rehearsal.destroyForcibly();
        }
    }

    @Test
    void aPortThatCannotBeBoundIsOneLineNamingTheProgramAndTheAddress(@TempDir Path out) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LoopbackPorts.HOST));
             ChildProcesses processes = new ChildProcesses()) {
            String deployed = RenderedStack.render(StackHarness.config("prod")).file("collector/gateway.yaml");
            String occupied = LoopbackPorts.HOST + ":" + taken.getLocalPort();
            LoopbackPorts ports = new LoopbackPorts();
            CollectorRewiring.Addresses addresses = new CollectorRewiring.Addresses(occupied, ports.address(),
                    ports.address(), ports.address(), ports.address(), ports.address(), ports.address(), ports.address(),
                    ports.next(), resolver -> resolver, ports.address(), ports.address(), out);
            RehearsalLayout layout = RehearsalLayout.create(out.resolve("rehearsal"));
            Path config = layout.writeConfig(CollectorRewiring.rewire("gateway-0", deployed, addresses));
            ChildProcess gateway = processes.start("gateway-0",
                    List.of(E2ePrograms.COLLECTOR.toString(), "--config", config.toString()), SecretEnvironment.gateway(),
                    layout.log("gateway-0"));

            assertThatThrownBy(() -> ChildProcesses.awaitHealthy(gateway, "http://" + addresses.healthCheck() + "/",
                    Duration.ofSeconds(30)))
                    .isInstanceOf(ProgramException.class)
                    .hasMessageStartingWith("gateway-0 exited while starting: ")
                    .hasMessageContaining(occupied)
                    .hasMessageContaining("address already in use")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
