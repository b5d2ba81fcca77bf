package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.Driver.TRAFFIC;

import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigQuery: the raw table at steady state (a day's partition per day of retention), the SLI views' queries,
 * and the daily cross-region copy of yesterday's partition where the stack has one.
 */
final class BigQueryItems {

    /** BigQuery moves a partition to long-term storage after 90 days without changes. */
    static final int ACTIVE_DAYS = 90;
    private static final Pattern EVERY_HOURS = Pattern.compile("every (\\d+) hours");
    private static final Pattern EVERY_DAY = Pattern.compile("every day \\d{2}:\\d{2}");

    private BigQueryItems() {
    }

    static List<LineItem> of(CostContext ctx) {
        List<LineItem> items = new ArrayList<>();
        if (!ctx.config().exporters().bigQuery()) {
            return items;
        }
        TraceSinkSpec spec = TraceSinkSpec.of(ctx.config());
        String location = spec.location();
        int retention = ctx.config().retentionDays();
        double gibPerDay = ctx.traffic().keptGiBPerDay(ctx.daysPerMonth());
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("gibPerDay", gibPerDay);
        stored.put("retentionDays", retention);
        stored.put("location", location);
        items.add(LineItem.of("bigquery.storage-active", "BigQuery: raw table, active storage", TRAFFIC,
                List.of(ctx.charge("bigquery.storage.active." + location,
                        gibPerDay * Math.min(retention, ACTIVE_DAYS))), stored));
        if (retention > ACTIVE_DAYS) {
            items.add(LineItem.of("bigquery.storage-long-term", "BigQuery: raw table, partitions older than 90 days",
                    TRAFFIC, List.of(ctx.charge("bigquery.storage.longTerm." + location,
                            gibPerDay * (retention - ACTIVE_DAYS))), stored));
        }
        items.add(queries(ctx, spec, gibPerDay));
        spec.backup().ifPresent(backup -> items.addAll(backup(ctx, spec, backup, gibPerDay)));
        return items;
    }

    /**
     * Each query reads the partitions its window overlaps, and is billed at least the minimum per table; the
     * backup's daily extract reads yesterday's partition.
     */
    private static LineItem queries(CostContext ctx, TraceSinkSpec spec, double gibPerDay) {
        double minimumGiB = ctx.book().rule("bigquery.minimumMiBPerQuery") / 1024;
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("gibPerDay", gibPerDay);
        inputs.put("minimumGiBPerQuery", minimumGiB);
        double gib = 0;
        for (var scan : ViewScans.of(ctx.config(), ctx.daysPerMonth()).entrySet()) {
            double perQuery = Math.max(minimumGiB, scan.getValue().scannedDays() * gibPerDay);
            gib += perQuery * scan.getValue().runsPerMonth();
            inputs.put(scan.getKey(), scan.getValue().scannedDays() + " days × " + LineItem.plain(
                    scan.getValue().runsPerMonth()) + " runs");
        }
        if (spec.backup().isPresent()) {
            double runs = runsPerMonth(spec.backup().get().extractSchedule(), ctx.hoursPerMonth());
            gib += Math.max(minimumGiB, gibPerDay) * runs;
            inputs.put("backup_extract", "1 day × " + LineItem.plain(runs) + " runs");
        }
        return LineItem.of("bigquery.queries", "BigQuery: SLI and review views, queried on demand", TRAFFIC,
                List.of(ctx.charge("bigquery.query." + spec.location(), gib / 1024)), inputs);
    }

    /**
     * The Data Transfer Service copies every table of its source dataset that changed since its last run; the
     * source is the staging dataset, whose one table is yesterday's partition, so each run moves one day. The
     * second region keeps a dated snapshot of each day for the retention, and the staging dataset one day.
     */
    private static List<LineItem> backup(CostContext ctx, TraceSinkSpec spec, TraceSinkSpec.Backup backup,
                                         double gibPerDay) {
        double snapshotsGiB = gibPerDay * ctx.config().retentionDays();
        double runs = runsPerMonth(backup.schedule(), ctx.hoursPerMonth());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("gibPerRun", gibPerDay);
        inputs.put("snapshotsGiB", snapshotsGiB);
        inputs.put("stagingGiB", gibPerDay);
        inputs.put("runsPerMonth", runs);
        inputs.put("from", spec.location());
        inputs.put("to", backup.location());
        return List.of(
                LineItem.of("bigquery.backup-storage", "BigQuery: the dated snapshots in the second region, and the "
                        + "staging day", TRAFFIC, List.of(
                        ctx.charge("bigquery.storage.active." + backup.location(), snapshotsGiB),
                        // The raw table's line has taken the free allotment of the source location already.
                        ctx.charge("bigquery.storage.active." + spec.location(), gibPerDay, 0)), inputs),
                LineItem.of("bigquery.backup-transfer", "BigQuery: daily cross-region copy of yesterday's partition",
                        TRAFFIC, List.of(ctx.charge(interRegion(spec.location(), backup.location()), gibPerDay * runs)),
                        inputs));
    }

    static double runsPerMonth(String schedule, double hoursPerMonth) {
        if (EVERY_DAY.matcher(schedule).matches()) {
            return hoursPerMonth / 24;
        }
        Matcher m = EVERY_HOURS.matcher(schedule);
        if (!m.matches()) {
            throw new PriceBook.Unpriced("cannot count the runs of the copy schedule '" + schedule + "'");
        }
        return hoursPerMonth / Integer.parseInt(m.group(1));
    }

    static String interRegion(String from, String to) {
        boolean europe = isEurope(from) && isEurope(to);
        return "network.interRegion." + (europe ? "europe" : from + "." + to);
    }

    private static boolean isEurope(String location) {
        return location.equals("EU") || location.startsWith("europe-");
    }
}
