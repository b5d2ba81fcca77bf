package dev.tracestack.render.cost;

/**
 * How many times a month a five-field cron schedule fires, for pricing the pods a CronJob starts. Counts
 * each field's values ({@code *}, {@code *}{@code /n}, lists and ranges); a day-of-month or day-of-week
 * field restricts the days, a month field the share of the year.
 */
final class CronRuns {

    private CronRuns() {
    }

    static double perMonth(String schedule, double daysPerMonth) {
        String[] f = schedule.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("not a five-field cron schedule: " + schedule);
        }
        double perDay = count(f[0], 60) * count(f[1], 24);
        double days;
        if (!f[2].equals("*")) {
            days = count(f[2], 31);
        } else if (!f[4].equals("*")) {
            days = count(f[4], 7) * daysPerMonth / 7;
        } else {
            days = daysPerMonth;
        }
        return perDay * days * count(f[3], 12) / 12;
    }

    /** The number of values a field matches within a range of {@code size} values. */
    static double count(String field, int size) {
        if (field.equals("*")) {
            return size;
        }
        if (field.startsWith("*/")) {
            return Math.ceil(size / Double.parseDouble(field.substring(2)));
        }
        double values = 0;
        for (String part : field.split(",")) {
            int dash = part.indexOf('-');
            values += dash < 0 ? 1
                    : Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
        }
        return values;
    }
}
