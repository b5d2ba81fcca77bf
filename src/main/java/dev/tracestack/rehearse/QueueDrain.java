package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the collectors' exporter queues emptied before the rehearsal stops them. A persistent queue keeps what it
 * holds across a stop, so what is still queued then is not lost, but it has not reached its backend either, and
 * reading the backends at that moment would count it as lost. Read from each collector's own
 * {@code otelcol_exporter_queue_size}.
 *
 * @param stillQueued items per instance and exporter when the wait ended, only those above zero
 * @param waitedSeconds how long the wait took
 */
record QueueDrain(Map<String, Long> stillQueued, double waitedSeconds) {

    static final String QUEUE_SIZE = "otelcol_exporter_queue_size";
    /** Empty for this long in a row: a batch taken off the queue is in flight until its backend answers. */
    private static final int EMPTY_READINGS = 5;
    private static final Pattern EXPORTER = Pattern.compile("exporter=\"([^\"]+)\"");

    boolean drained() {
        return stillQueued.isEmpty();
    }

    /** Waits until every running instance's queues are empty ({@value #EMPTY_READINGS} readings a second apart), at most {@code timeout}. */
    static QueueDrain await(CollectorFleet fleet, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int emptyInARow = 0;
        Map<String, Long> queued = read(fleet);
        while (emptyInARow < EMPTY_READINGS && System.nanoTime() < deadline) {
            ChildProcesses.sleep(Duration.ofSeconds(1));
            queued = read(fleet);
            emptyInARow = queued.isEmpty() ? emptyInARow + 1 : 0;
        }
        return new QueueDrain(queued, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Long> read(CollectorFleet fleet) {
        Map<String, Long> queued = new LinkedHashMap<>();
        for (CollectorFleet.Instance instance : fleet.running()) {
            PrometheusScrape.series(instance.addresses().metricsPort(), QUEUE_SIZE).forEach((labels, size) -> {
                if (size > 0) {
                    Matcher exporter = EXPORTER.matcher(labels);
                    queued.merge(instance.name() + " " + (exporter.find() ? exporter.group(1) : labels), Math.round(size), Long::sum);
                }
            });
        }
        return queued;
    }

    /** The check a rehearsal reports. */
    Report.Check check() {
        return new Report.Check("every exporter queue drained before the collectors stopped", drained(), drained()
                ? String.format(java.util.Locale.ROOT, "empty after %.0f s", waitedSeconds)
                : "still queued after " + Math.round(waitedSeconds) + " s (kept on disk where the queue is persistent, not"
                        + " lost, but not at the backend when it was read): " + stillQueued);
    }
}
