package dev.tracestack.render.cost;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.bigquery.BigQueryRenderer;
import dev.tracestack.render.bigquery.BigQueryViews;
import dev.tracestack.render.bigquery.RenderedSinks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the raw table each query of a view reads. Every analysis view filters on the partition column
 * {@code publish_time}; the window is read from the rendered SQL itself, so a view whose window changes is
 * priced by its new window. A window of W days reads the partitions it overlaps: W days plus, on average,
 * half of today's partition.
 */
final class ViewScans {

    private static final Pattern WINDOW = Pattern.compile(
            "publish_time >= TIMESTAMP_SUB\\(CURRENT_TIMESTAMP\\(\\), INTERVAL (\\d+) (HOUR|DAY)\\)");
    /** Seed 004 §9.3 reviews the month once; everything else is read by the §9.1 daily check. */
    static final String MONTHLY_VIEW = "monthly_volume";

    /**
     * One view's queries.
     *
     * @param windowDays   the days of spans the view's filter keeps
     * @param scannedDays  the days of partitions one query reads
     * @param runsPerMonth how often the view is queried
     */
    record Scan(double windowDays, double scannedDays, double runsPerMonth) {
    }

    private ViewScans() {
    }

    /** The scans of every analysis view, by view name. */
    static Map<String, Scan> of(StackConfig config, double daysPerMonth) {
        RenderedSinks sinks = BigQueryRenderer.render(config);
        Map<String, Scan> scans = new LinkedHashMap<>();
        for (BigQueryViews.View view : BigQueryViews.ANALYSIS) {
            double window = windowDays(view.name(), sinks.sql(view));
            double runs = view.name().equals(MONTHLY_VIEW) ? 1 : daysPerMonth;
            scans.put(view.name(), new Scan(window, window + 0.5, runs));
        }
        return scans;
    }

    static double windowDays(String view, String sql) {
        Matcher m = WINDOW.matcher(sql);
        if (!m.find()) {
            throw new IllegalStateException("view " + view + " has no publish_time window to price its scans by");
        }
        double amount = Double.parseDouble(m.group(1));
        return m.group(2).equals("DAY") ? amount : amount / 24;
    }
}
