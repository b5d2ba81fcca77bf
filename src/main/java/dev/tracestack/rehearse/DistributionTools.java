package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Running Elasticsearch's tools ({@code bin/elasticsearch-keystore}, {@code bin/elasticsearch-users}) the way
 * Elasticsearch accepts: never as root, but as its {@link ElasticsearchAccount}, from its {@link NodeDirectory}.
 */
final class DistributionTools {

    private DistributionTools() {
    }

    /** Runs {@code bin/<tool>} with the node's environment; its output goes to {@code workDir/tools.log}. */
    static void run(ElasticsearchAccount account, Path home, String tool, List<String> args, String stdin,
                    Map<String, String> env, Path workDir) {
        List<String> command = new ArrayList<>(account.wrap(List.of(home.resolve("bin/" + tool).toString())));
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
}
