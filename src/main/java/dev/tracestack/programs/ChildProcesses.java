package dev.tracestack.programs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every program a command started (a rehearsal, a trial deployment). Closing it stops them all, and so does the JVM's shutdown (an
 * exception, the end of a test, or Ctrl-C): it leaves no program running behind it.
 */
public final class ChildProcesses implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<ChildProcess> children = new ArrayList<>();
    private final List<Runnable> afterStop = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-child-programs");

    public ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a program and keeps it in this group. */
    public synchronized ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ChildProcess child = new ChildProcess(name, command, environment, log);
        children.add(child);
        child.start();
        return child;
    }

    /** Runs {@code cleanup} once every program has stopped (a program's directories outlive it until then). */
    public synchronized void afterStop(Runnable cleanup) {
        afterStop.add(cleanup);
    }

    /**
     * Waits until {@code url} answers 200, failing with the program's last log lines if it exits or the
     * time runs out.
     */
    public static void awaitHealthy(ChildProcess child, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!child.alive()) {
                throw new ProgramException(child.name() + " exited while starting: " + child.failure()
                        + " (log: " + child.log() + ")");
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProgramException("interrupted while waiting for " + child.name());
            }
            sleep(Duration.ofMillis(250));
        }
        throw new ProgramException(child.name() + " was not healthy at " + url + " within " + timeout.toSeconds()
                + " s: " + child.failure() + " (log: " + child.log() + ")");
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProgramException("interrupted");
        }
    }

    /** Stops every program at once (each gets its grace period before SIGKILL), then cleans up after them. */
    public synchronized void stopAll() {
        children.parallelStream().forEach(ChildProcess::stop);
        afterStop.forEach(Runnable::run);
        afterStop.clear();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
