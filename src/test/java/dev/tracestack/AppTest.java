package dev.tracestack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.cli.ExitCode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.ConfigSource;
import dev.tracestack.testing.Console;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The entry point under the Pulumi engine: the engine is a stand-in, so the tests see whether the program
 * would have started, and with bad input it never does.
 */
class AppTest {

    private final App.Engine engine = mock(App.Engine.class);
    private final Console console = new Console();

    /** The environment the language host gives the program for a stack. */
    private static Map<String, String> engineEnvironment(ConfigSource source) throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        return Map.of("PULUMI_MONITOR", "127.0.0.1:1", "PULUMI_ENGINE", "127.0.0.1:2", "PULUMI_STACK", source.stack(),
                "PULUMI_CONFIG", json.writeValueAsString(source.values()),
                "PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(source.secretKeys()));
    }

    private int runUnderEngine(ConfigSource source) throws JsonProcessingException {
        Map<String, String> env = engineEnvironment(source);
        return console.run((args, out, err) -> App.run(args, env, out, err, engine), List.of());
    }

    @Test
    void aValidStackStartsTheProgramOnce() throws JsonProcessingException {
        assertThat(runUnderEngine(StackHarness.source("dev"))).isEqualTo(ExitCode.OK);

        verify(engine).run(any());
    }

    @Test
    void anInvalidConfigNeverStartsTheProgram() throws JsonProcessingException {
        int code = runUnderEngine(StackHarness.withOverrides("dev", Map.of(ConfigKeys.RETENTION_DAYS, "0")));

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(console.stderr()).isEqualTo("invalid config (1 problem):\n"
                + "  Pulumi.dev.yaml: tracestack:retentionDays must be within [1, 3650] days, got 0\n");
        verifyNoInteractions(engine);
    }

    @Test
    void anEstimateAboveAnEnforcedBudgetNeverStartsTheProgram() throws JsonProcessingException {
        int code = runUnderEngine(StackHarness.withOverrides("dev", Map.of(ConfigKeys.COST,
                "{\"monthlyBudgetUsd\": 1, \"enforceBudget\": true}")));

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(console.stderr()).contains("tracestack:cost.monthlyBudgetUsd must cover the estimated $");
        verifyNoInteractions(engine);
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndStartsNothing() {
        int code = console.run((args, out, err) -> App.run(args, Map.of(), out, err, engine), List.of("deploy"));

        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(console.stderr()).startsWith("tracestack: unknown command deploy\n"
                + "usage: tracestack                (run by the Pulumi engine: pulumi preview, pulumi up)\n");
        verifyNoInteractions(engine);
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        for (String help : List.of("help", "-h", "--help")) {
            Console asked = new Console();
            int code = asked.run((args, out, err) -> App.run(args, Map.of(), out, err, engine), List.of(help));

            assertThat(code).as(help).isEqualTo(ExitCode.OK);
            assertThat(asked.stdout()).as(help).startsWith("usage: tracestack                (run by the Pulumi engine")
                    .contains("tracestack plan ...").contains("tracestack cost ...").contains("tracestack rehearse ...");
            assertThat(asked.stderr()).as(help).isEmpty();
        }
        verifyNoInteractions(engine);
    }

    @Test
    void noArgumentsOutsideTheEngineSayHowToRunItAndExitTwo() throws JsonProcessingException {
        Map<String, String> notUnderEngine = Map.of("PULUMI_STACK", "dev");
        int code = console.run((args, out, err) -> App.run(args, notUnderEngine, out, err, engine), List.of());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(console.stderr()).startsWith("tracestack: with no command it is the Pulumi program, and "
                + "PULUMI_MONITOR and PULUMI_ENGINE are not set; run it with pulumi preview or pulumi up, or name a "
                + "command\nusage: tracestack ").doesNotContain("required");
        assertThat(console.stdout()).isEmpty();
        verifyNoInteractions(engine);
    }
}
