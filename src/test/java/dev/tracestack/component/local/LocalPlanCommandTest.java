package dev.tracestack.component.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.cli.ExitCode;
import dev.tracestack.plan.PlanCommand;
import dev.tracestack.plan.PlanDiff;
import dev.tracestack.testing.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan local} behaves like any stack's plan: resources, outputs and artifacts on disk, URLs printed. */
class LocalPlanCommandTest {

    @TempDir
    Path out;

    @Test
    void planLocalWritesResourcesArtifactsAndPrintsTheUrls() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = PlanCommand.run(List.of("local", "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("resources.json"))).contains("docker:index/container:Container");
        for (String artifact : List.of("collector/gateway.yaml", "jaeger/config.yaml",
                "jaeger/sampling-strategies.json", "jaeger/ui-config.json", "elasticsearch/ilm-policy.json",
                "elasticsearch/init.sh")) {
            assertThat(out.resolve("artifacts").resolve(artifact)).as(artifact).exists();
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("platform docker", "jaegerUiUrl = http://127.0.0.1:10004",
                        "otlpHttpTracesUrl = http://127.0.0.1:4318/v1/traces");
    }

    @Test
    void theDiffAgainstDevNamesThePlatformAndTheResourcesOnlyOneSideHas() {
        ByteArrayOutputStream diff = new ByteArrayOutputStream();

        PlanDiff.print(StackHarness.synth("local"), StackHarness.synth("dev"),
                new PrintStream(diff, true, StandardCharsets.UTF_8));

        assertThat(diff.toString(StandardCharsets.UTF_8)).contains("--- local\n+++ dev",
                "platform: DOCKER -> KUBERNETES", "only in local:",
                "local-collector (docker:index/container:Container)", "docker (pulumi:providers:docker)",
                "only in dev:", "kubernetes (pulumi:providers:kubernetes)");
    }

    @Test
    void aPortClashStopsThePlanWithTheConfigError(@TempDir Path project) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.local.yaml"), Files.readString(Path.of("Pulumi.local.yaml"))
                .replace("    bindAddress: 127.0.0.1\n",
                        "    bindAddress: 127.0.0.1\n    ports:\n      jaegerUi: 9201\n"));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = PlanCommand.run(List.of("local", "--dir", project.toString(), "--out", out.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Pulumi.local.yaml:10: tracestack:local.ports"
                + ".elasticsearch must differ from tracestack:local.ports.jaegerUi (two services cannot publish one"
                + " host port), got 9201");
    }
}
