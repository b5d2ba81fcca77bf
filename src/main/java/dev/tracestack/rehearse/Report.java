package dev.tracestack.rehearse;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a rehearsal measured: per trace class what was sent and kept against what the stack configures,
 * every check with its verdict, and the fault's figures. Written as {@code report.json} and printed as a
 * table.
 *
 * @param stack           the stack rehearsed
 * @param fault           the fault injected, {@code none} without one
 * @param seed            the traffic's seed
 * @param durationSeconds how long the rehearsal took, start to report
 * @param classes         one row per trace class, of the traces through the four services without settings
 * @param services        one row per service with a sampling rate of its own: its ordinary traces
 * @param checks          every check, in the order they ran
 * @param figures         the fault's and the run's counters (traces lost, incomplete, undelivered)
 * @param persistentQueue the outage the stack's persistent queue holds, from its rendered size
 *                        ({@code QueueOutage}); empty without one
 */
record Report(String stack, String fault, long seed, double durationSeconds, List<ClassRow> classes,
              List<ClassRow> services, List<Check> checks, Map<String, Long> figures, String persistentQueue) {

    /**
     * One trace class.
     *
     * @param traceClass        the class, or the service in the table of services
     * @param sent              traces sent
     * @param kept              traces delivered, whole, by the stack's primary trace exporter
     * @param configuredPercent the share the stack's sampling keeps
     * @param lowPercent        the 99.9% interval's lower bound of the true keep rate, from {@code kept/sent}
     * @param highPercent       its upper bound
     */
    record ClassRow(String traceClass, long sent, long kept, double configuredPercent, double lowPercent,
                    double highPercent) {

        double keptPercent() {
            return sent == 0 ? 0 : 100.0 * kept / sent;
        }
    }

    /** A check: its name, whether it holds, and the evidence either way. */
    record Check(String name, boolean holds, String detail) {
    }

    private static void table(PrintStream out, String what, List<ClassRow> rows) {
        int width = Math.max(9, rows.stream().mapToInt(r -> r.traceClass().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %6s %6s %7s %11s %17s%n", what, "sent", "kept", "kept %",
                "configured", "99.9% interval");
        for (ClassRow row : rows) {
            out.printf(Locale.ROOT, "  %-" + width + "s %6d %6d %6.1f%% %10.1f%% %7.1f%% – %5.1f%%%n", row.traceClass(),
                    row.sent(), row.kept(), row.keptPercent(), row.configuredPercent(), row.lowPercent(),
                    row.highPercent());
        }
        out.println();
    }

    boolean allHold() {
        return checks.stream().allMatch(Check::holds);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "rehearsal of %s (fault: %s, seed %d) in %.1f s%n", stack, fault, seed, durationSeconds);
        if (!persistentQueue.isEmpty()) {
            out.printf("persistent queue: %s%n", persistentQueue);
        }
        out.println();
        table(out, "class", classes);
        if (!services.isEmpty()) {
            table(out, "service", services);
        }
        for (Check check : checks) {
            out.printf("  %s %s: %s%n", check.holds() ? "ok  " : "FAIL", check.name(), check.detail());
        }
        if (!figures.isEmpty()) {
            out.println();
            figures.forEach((name, value) -> out.printf("  %s: %d%n", name, value));
        }
    }
}
