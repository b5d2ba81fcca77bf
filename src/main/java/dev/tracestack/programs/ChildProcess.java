package dev.tracestack.programs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One program a command runs, with its output in a log file. Stopping it stops its descendants too
 * (Elasticsearch's launcher runs the server as a child), and a stopped program can be started again
 * with the same command, as Kubernetes restarts a container.
 */
public final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public synchronized void start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    /** The running program's process id. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL for whatever has not exited after the 20 s grace period. */
    public synchronized void stop() {
        end(20);
    }

    /** SIGKILL: the program gets no chance to flush or shut down, as when a node dies. */
    public synchronized void kill() {
        end(0);
    }

    private void end(int graceSeconds) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = tree();
        if (graceSeconds > 0) {
            tree.forEach(ProcessHandle::destroy);
            waitFor(tree, graceSeconds);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        waitFor(tree, 5);
        process = null;
    }

    /**
     * The line of the log that says why the program failed: the last one reporting an error (the
     * collector and Jaeger end with {@code Error: ...}, Elasticsearch with {@code ERROR: ...}), or the
     * last line.
     */
    public String failure() {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (int i = all.size() - 1; i >= 0; i--) {
                String line = all.get(i).strip();
                if (line.startsWith("Error:") || line.startsWith("ERROR:") || line.contains("\terror\t")
                        || line.contains("[ERROR]")) {
                    return line;
                }
            }
            return all.isEmpty() ? "it printed nothing" : all.get(all.size() - 1).strip();
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        return java.util.stream.Stream.concat(descendants.stream(), java.util.stream.Stream.of(process.toHandle()))
                .toList();
    }

    private static void waitFor(List<ProcessHandle> handles, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                if (timeoutOrInterrupt instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
