package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.cli.ExitCode;
import dev.tracestack.testing.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline plan as a user runs it: files written, their shape, the summary and the exit codes. */
class PlanCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int plan(String... args) {
        return PlanCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void planOfDevWritesResourcesOutputsAndArtifactsAndExitsZero() throws IOException {
        Path outDir = tmp.resolve("dev");
        int code = plan("dev", "--dir", StackHarness.PROJECT_DIR.toString(), "--out", outDir.toString());

        assertThat(code).isZero();
        JsonNode resources = new ObjectMapper().readTree(outDir.resolve("resources.json").toFile());
        assertThat(resources.isArray()).isTrue();
        assertThat(resources).isNotEmpty();
        for (JsonNode resource : resources) {
            assertThat(resource.fieldNames()).toIterable().containsExactly(
                    "type", "name", "parent", "provider", "protect", "retainOnDelete", "dependsOn", "aliases",
                    "inputs");
        }
        assertThat(outDir.resolve("outputs.json")).exists();
        assertThat(outDir.resolve("artifacts/stack-config.json")).exists();
        assertThat(stdout()).contains("stack dev (environment dev, platform kubernetes, project dta-cloud-de-dev, region europe-west3)")
                .contains("sampling: ordinary 10.0%, errors 50.0%, slow (> 2000 ms) 30.0%; retention 3 days")
                .contains("per type:")
                .contains(outDir.resolve("resources.json").toString());
    }

    @Test
    void aPlanIsByteForByteStableBetweenRuns() throws IOException {
        plan("prod", "--dir", StackHarness.PROJECT_DIR.toString(), "--out", tmp.resolve("a").toString());
        plan("prod", "--dir", StackHarness.PROJECT_DIR.toString(), "--out", tmp.resolve("b").toString());
        assertThat(Files.readString(tmp.resolve("a/resources.json")))
                .isEqualTo(Files.readString(tmp.resolve("b/resources.json")));
    }

    @Test
    void aStalePlanDirectoryIsReplaced() throws IOException {
        Path outDir = tmp.resolve("dev");
        Files.createDirectories(outDir.resolve("artifacts/removed-part"));
        Files.writeString(outDir.resolve("artifacts/removed-part/old.yaml"), "stale: true\n");
        plan("dev", "--dir", StackHarness.PROJECT_DIR.toString(), "--out", outDir.toString());
        assertThat(outDir.resolve("artifacts/removed-part")).doesNotExist();
    }

    @Test
    void invalidConfigExitsTwoAndPrintsEveryProblemAtItsLine() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.dev.yaml"), """
                config:
                  gcp:project: dta-cloud-de-dev
                  tracestack:retentionDays: 0
                  tracestack:sampling:
                    defaultRate: 1.5
                """);
        int code = plan("dev", "--dir", tmp.toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).isEqualTo("""
                invalid config (2 problems):
                  Pulumi.dev.yaml:5: tracestack:sampling.defaultRate must be within [0, 1], got 1.5
                  Pulumi.dev.yaml:3: tracestack:retentionDays must be within [1, 3650] days, got 0
                """);
        assertThat(tmp.resolve("build")).doesNotExist();
    }

    @Test
    void aMissingStackFileExitsTwoWithoutAStackTrace() {
        int code = plan("qa", "--dir", tmp.toString());
        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).contains("Pulumi.qa.yaml: stack file not found").doesNotContain("Exception");
    }

    @Test
    void badUsageExitsOne() {
        assertThat(plan()).isEqualTo(ExitCode.FAILED);
        assertThat(stderr()).contains("usage: tracestack plan <stack>");
        assertThat(plan("dev", "--frobnicate")).isEqualTo(ExitCode.FAILED);
        assertThat(stderr()).contains("unknown option --frobnicate");
        assertThat(plan("dev", "--out")).isEqualTo(ExitCode.FAILED);
        assertThat(stderr()).contains("--out needs a value");
    }

    @Test
    void diffNamesSettingsThatDifferBetweenStacks() {
        int code = plan("--diff", "dev", "prod", "--dir", StackHarness.PROJECT_DIR.toString());

        assertThat(code).isZero();
        assertThat(stdout()).startsWith("--- dev\n+++ prod\n")
                .contains("  retentionDays: 3 -> 90")
                .contains("  sampling.defaultRate: 0.1 -> 1.0")
                .contains("  alerts.strictness: lenient -> strict")
                .contains("only in dev:")
                .contains("changed inputs:")
                .contains("    project: dta-cloud-de-dev -> dta-cloud-de-prod");
    }
}
