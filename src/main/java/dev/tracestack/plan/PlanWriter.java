package dev.tracestack.plan;

import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Writes a plan to a directory a reviewer can read and diff: resources, outputs and every artifact. */
public final class PlanWriter {

    public static final String RESOURCES = "resources.json";
    public static final String OUTPUTS = "outputs.json";
    public static final String ARTIFACTS = "artifacts";

    private PlanWriter() {
    }

    /**
     * Replaces whatever an earlier plan left in {@code out}, so no stale artifact survives, atomically: a reader
     * or a second plan of the same stack never sees a half-written or mixed directory ({@link AtomicDirectory}).
     * Returns how many artifacts it wrote.
     */
    public static int write(Plan plan, Path out) {
        Map<String, String> files = files(plan);
        writeFiles(files, out);
        return (int) files.keySet().stream().filter(path -> path.startsWith(ARTIFACTS + "/")).count();
    }

    /** Every file of a plan, by its path in the plan directory. */
    static Map<String, String> files(Plan plan) {
        Map<String, String> files = new TreeMap<>();
        files.put(RESOURCES, Artifacts.json(plan.resources()));
        files.put(OUTPUTS, Artifacts.json(plan.outputs()));
        plan.artifacts().forEach((path, text) -> files.put(ARTIFACTS + "/" + path, text));
        return files;
    }

    static void writeFiles(Map<String, String> files, Path out) {
        try {
            AtomicDirectory.replace(out, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + out, e);
        }
    }
}
