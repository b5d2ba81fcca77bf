package dev.tracestack.plan;

import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes a plan to a directory a reviewer can read and diff: resources, outputs and every artifact. */
public final class PlanWriter {

    public static final String RESOURCES = "resources.json";
    public static final String OUTPUTS = "outputs.json";
    public static final String ARTIFACTS = "artifacts";

    private PlanWriter() {
    }

    /** Replaces whatever an earlier plan left in {@code out}, so no stale artifact survives. */
    public static void write(Plan plan, Path out) {
        try {
            deleteRecursively(out);
            Files.createDirectories(out);
            Files.writeString(out.resolve(RESOURCES), Artifacts.json(plan.resources()));
            Files.writeString(out.resolve(OUTPUTS), Artifacts.json(plan.outputs()));
            for (var artifact : plan.artifacts().entrySet()) {
                Path file = out.resolve(ARTIFACTS).resolve(artifact.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, artifact.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + out, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
