package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Running Elasticsearch's distribution and its tools ({@code bin/elasticsearch-keystore},
 * {@code bin/elasticsearch-users}) the way Elasticsearch accepts: never as root. As root, a command runs as
 * {@code nobody} and keeps the capabilities to read and write files (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so
 * neither the checkout nor the Maven repository has to change owner.
 */
final class DistributionTools {

    private DistributionTools() {
    }

    /** Runs {@code bin/<tool>} with the node's environment; its output goes to {@code workDir/tools.log}. */
    static void run(Path home, String tool, List<String> args, String stdin, Map<String, String> env, Path workDir) {
        List<String> command = new ArrayList<>(asNonRoot(List.of(home.resolve("bin/" + tool).toString())));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("tools.log").toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (process.waitFor() != 0) {
                throw new RehearsalException(tool + " " + args + " failed; see " + workDir.resolve("tools.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }

    static List<String> asNonRoot(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=+dac_override,+dac_read_search", "--ambient-caps=+dac_override,+dac_read_search"));
        wrapped.addAll(command);
        return wrapped;
    }
}
