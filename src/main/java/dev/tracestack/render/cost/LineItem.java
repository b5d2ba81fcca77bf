package dev.tracestack.render.cost;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One line of the estimate: what is billed, how much of it a month, at which unit price, with the inputs
 * its quantity was computed from. A line has one charge per price it uses (a pod uses vCPU-hours and
 * GiB-hours); each charge is {@code max(0, quantity - free) × unit price = monthly}.
 *
 * @param id              a stable id, e.g. {@code cloud-trace.spans}
 * @param title           what the line is, for people
 * @param driver          whether the line grows with the span volume
 * @param charges         the priced quantities
 * @param inputs          the numbers the quantities were computed from, by name
 * @param monthlyAtMaxUsd the monthly cost with every autoscaled workload at its maximum; empty for lines
 *                        that do not scale
 */
public record LineItem(String id, String title, Driver driver, List<Charge> charges, Map<String, Object> inputs,
                       Optional<Double> monthlyAtMaxUsd) {

    /** Whether a line follows the span volume ({@code cost.spansPerSecond}) or stays fixed. */
    public enum Driver {
        /** Grows with the spans received: ingestion, throughput, storage, queries. */
        TRAFFIC,
        /** Independent of the span volume: pods, disks, metric series, alert conditions, load balancer rules. */
        FIXED
    }

    public LineItem {
        charges = List.copyOf(charges);
        inputs = new TreeMap<>(inputs);
    }

    public static LineItem of(String id, String title, Driver driver, List<Charge> charges, Map<String, Object> inputs) {
        return new LineItem(id, title, driver, charges, inputs, Optional.empty());
    }

    /** The line's monthly cost: the sum of its charges, each rounded to the cent. */
    @JsonProperty
    public double monthlyUsd() {
        return total(charges);
    }

    /** The sum of charges, each rounded to the cent. */
    public static double total(List<Charge> charges) {
        return charges.stream().map(c -> BigDecimal.valueOf(c.monthlyUsd()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
    }

    /** The same line priced at other quantities, e.g. with every replica range at its maximum. */
    public LineItem withMonthlyAtMax(double usd) {
        return new LineItem(id, title, driver, charges, inputs, Optional.of(usd));
    }

    /**
     * One priced quantity.
     *
     * @param priceId      the price book entry
     * @param unit         the unit of the quantity, as the price book names it
     * @param quantity     units used a month
     * @param free         units of the free allotment set against this quantity
     * @param unitPriceUsd the price of one unit
     */
    @JsonPropertyOrder({"priceId", "unit", "quantity", "free", "unitPriceUsd", "billable", "monthlyUsd"})
    public record Charge(String priceId, String unit, double quantity, double free, double unitPriceUsd) {

        public Charge {
            quantity = significant(quantity);
            free = significant(free);
        }

        @JsonProperty
        public double billable() {
            return Math.max(0, quantity - free);
        }

        @JsonProperty
        public double monthlyUsd() {
            return round(billable() * unitPriceUsd, 2);
        }

        /** The arithmetic, e.g. {@code max(0, 26.28 - 2.5) million spans × $0.2 = $4.76}. */
        public String formula() {
            String used = free > 0 ? "max(0, " + plain(quantity) + " - " + plain(free) + ")" : plain(quantity);
            return used + " " + unit + " × $" + plain(unitPriceUsd) + " = $" + money(monthlyUsd());
        }
    }

    static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    /** Seven significant digits: enough for any quantity, short enough to read. */
    static double significant(double value) {
        return new BigDecimal(value).round(new MathContext(7, RoundingMode.HALF_UP)).doubleValue();
    }

    static String plain(double value) {
        return BigDecimal.valueOf(significant(value)).stripTrailingZeros().toPlainString();
    }

    /** Dollars with cents, e.g. {@code 1234.50}. */
    public static String money(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
