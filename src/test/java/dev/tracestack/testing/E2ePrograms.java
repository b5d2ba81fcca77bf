package dev.tracestack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real programs {@code ./mvnw verify} builds and unpacks under {@code target/e2e} before the
 * integration tests run. A missing program fails the test that needs it, naming what is missing: these
 * tests are never skipped.
 */
public final class E2ePrograms {

    /** {@code target/e2e}, as failsafe passes it. */
    public static final Path DIR = Path.of(System.getProperty("tracestack.e2e", "target/e2e")).toAbsolutePath();
    public static final Path COLLECTOR = DIR.resolve("bin/otelcol-tracestack");
    public static final Path JAEGER = DIR.resolve("bin/jaeger");
    public static final Path ES_ROLLOVER = DIR.resolve("bin/es-rollover");

    private E2ePrograms() {
    }

    /** The unpacked Elasticsearch test distribution of a version. */
    public static Path elasticsearchHome(String version) {
        return require(DIR.resolve("elasticsearch-" + version));
    }

    /** A program's path, or an assertion error saying how to get it. */
    public static Path require(Path program) {
        if (!Files.exists(program)) {
            throw new AssertionError(program + " is missing: ./mvnw -B verify builds it (e2e/build.sh) before "
                    + "the integration tests");
        }
        return program;
    }

    /** What a program printed and how it exited. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a program to completion (at most a minute) and returns its exit code and output. */
    public static Result run(Path program, String... args) {
        return run(Map.of(), program, args);
    }

    /** The same, with variables added to the program's environment (what a pod gets from its Secrets). */
    public static Result run(Map<String, String> environment, Path program, String... args) {
        List<String> command = new ArrayList<>(List.of(require(program).toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within a minute");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
