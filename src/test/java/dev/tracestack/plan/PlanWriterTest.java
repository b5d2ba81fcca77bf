package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan directory is whole or absent, never half-written or mixed: two plans of one stack at once, or a
 * plan that fails or is killed while writing, leave one whole plan.
 */
class PlanWriterTest {

    @TempDir
    Path tmp;

    @Test
    void twoPlansOfTheSameStackAtOnceLeaveOneWholePlan() throws Exception {
        Plan prod = StackHarness.synth("prod");
        Path out = tmp.resolve("build/plan/prod");
        Map<String, String> expected = PlanWriter.files(prod);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            // Before the fix, the first or second round failed with NoSuchFileException or DirectoryNotEmptyException.
            for (int round = 0; round < 10; round++) {
                Callable<Void> write = () -> {
                    PlanWriter.write(prod, out);
                    return null;
                };
                List<Future<Void>> both = writers.invokeAll(List.of(write, write));
                for (Future<Void> plan : both) {
                    plan.get();
                }
                assertThat(contents(out)).as("round " + round).isEqualTo(expected);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(siblings(out)).containsExactly("prod");
    }

    @Test
    void aPlanThatFailsWhileWritingLeavesTheEarlierPlanWhole() throws IOException {
        Plan dev = StackHarness.synth("dev");
        Path out = tmp.resolve("dev");
        PlanWriter.write(dev, out);
        Map<String, String> earlier = contents(out);

        // "artifacts/x" as a file and as a directory: the second write fails halfway through.
        Map<String, String> broken = new TreeMap<>(Map.of("resources.json", "[]", "artifacts/x", "a", "artifacts/x/y", "b"));
        assertThatThrownBy(() -> PlanWriter.writeFiles(broken, out)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the plan to " + out);

        assertThat(contents(out)).isEqualTo(earlier);
        assertThat(siblings(out)).containsExactly("dev");
    }

    @Test
    void whatAKilledPlanLeftBehindIsRemovedByTheNextPlan() throws IOException {
        Path out = tmp.resolve("dev");
        // A process id that no longer runs: the plan that wrote here was killed before it could clean up.
        long dead = deadProcessId();
        Path abandoned = tmp.resolve(".dev.writing-" + dead + "-1");
        Files.createDirectories(abandoned.resolve("artifacts/monitoring"));
        Files.writeString(abandoned.resolve("resources.json"), "[");

        PlanWriter.write(StackHarness.synth("dev"), out);

        assertThat(siblings(out)).containsExactly("dev");
        assertThat(contents(out)).isEqualTo(PlanWriter.files(StackHarness.synth("dev")));
    }

    private static long deadProcessId() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }

    private static List<String> siblings(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out.getParent())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> regular = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile).forEach(regular::add);
        }
        for (Path file : regular) {
            files.put(dir.relativize(file).toString(), Files.readString(file));
        }
        return files;
    }
}
