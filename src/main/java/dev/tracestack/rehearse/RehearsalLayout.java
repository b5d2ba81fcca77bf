package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a rehearsal writes: {@code configs/} (each program's config and its diff against the deployed
 * one), {@code sent.jsonl}, {@code received/} (every request the Google API recorder was sent, the traces read back from Jaeger), {@code report.json},
 * {@code logs/} and {@code work/} (queue volumes, Elasticsearch's data).
 */
record RehearsalLayout(Path root) {

    /** Clears a previous rehearsal's output and creates the layout. */
    static RehearsalLayout create(Path out) {
        Path root = out.toAbsolutePath().normalize();
        deleteRecursively(root);
        RehearsalLayout layout = new RehearsalLayout(root);
        Stream.of("configs", "received", "logs", "work").forEach(d -> CollectorFleet.ensureDirectory(root.resolve(d)));
        return layout;
    }

    /** An instance's persistent-queue volume, kept across its restarts. */
    Path state(String instance) {
        return work("state/" + instance);
    }

    /** A working directory under {@code work/}, created if need be. */
    Path work(String name) {
        Path dir = root.resolve("work").resolve(name);
        CollectorFleet.ensureDirectory(dir);
        return dir;
    }

    Path log(String instance) {
        return root.resolve("logs").resolve(instance + ".log");
    }

    /** Where each backend's requests are kept: the Google API recorder's files, Jaeger's traces. */
    Path received(String file) {
        return root.resolve("received").resolve(file);
    }

    /** Writes {@code configs/<name>.yaml} and {@code configs/<name>.diff}; returns the config's path. */
    Path writeConfig(RewiredConfig config) {
        Path file = root.resolve("configs").resolve(config.name() + ".yaml");
        write(file, config.rewired());
        write(root.resolve("configs").resolve(config.name() + ".diff"), config.diff());
        return file;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root, e);
        }
    }
}
