package dev.tracestack.render.cost;

import dev.tracestack.config.CostSettings;
import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Prices a stack's month from its config and its region's price book. Pure: no Pulumi types, no I/O beyond
 * reading the price book from the classpath. Throws {@link PriceBook.Unpriced} when a price is missing.
 */
public final class CostEstimator {

    private CostEstimator() {
    }

    /** The month the stack's config assumes ({@code cost.spansPerSecond}). */
    public static CostEstimate estimate(StackConfig config) {
        return estimate(config, OptionalDouble.empty());
    }

    /** A measured month: {@code keptSpansPerMonth} spans reached the backends (BigQuery's monthly_volume). */
    public static CostEstimate estimate(StackConfig config, OptionalDouble keptSpansPerMonth) {
        PriceBook book = PriceBook.require(config.gcp().region());
        double hours = book.rule("hoursPerMonth");
        Traffic traffic = keptSpansPerMonth.isPresent()
                ? Traffic.measured(config, keptSpansPerMonth.getAsDouble()) : Traffic.assumed(config, hours);
        return estimate(config, book, traffic);
    }

    static CostEstimate estimate(StackConfig config, PriceBook book, Traffic traffic) {
        CostContext ctx = new CostContext(config, book, traffic);
        List<LineItem> items = new ArrayList<>();
        items.addAll(TraceItems.of(ctx));
        items.addAll(BigQueryItems.of(ctx));
        items.addAll(MonitoringItems.of(ctx));
        items.addAll(ComputeItems.of(ctx));
        items.addAll(InfrastructureItems.of(ctx));
        Map<String, PriceBook.Price> prices = new LinkedHashMap<>();
        items.forEach(item -> item.charges().forEach(c -> prices.put(c.priceId(), book.price(c.priceId()))));
        return new CostEstimate(config.stack(), config.environment().id(), book.region(), book.currency(), items,
                assumptions(config, traffic), prices, book.rules(), config.cost().monthlyBudgetUsd());
    }

    private static Map<String, Object> assumptions(StackConfig config, Traffic traffic) {
        CostSettings cost = config.cost();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("spansPerSecond", cost.spansPerSecond());
        a.put("avgSpanBytes", cost.avgSpanBytes());
        a.put("spansPerTrace", cost.spansPerTrace());
        a.put("errorTraceShare", cost.errorTraceShare());
        a.put("slowTraceShare", cost.slowTraceShare());
        a.put("services", cost.services());
        a.put("operationsPerService", cost.operationsPerService());
        a.put("gkeMode", cost.gkeMode().id());
        a.put("traffic", traffic);
        a.put("tracesKeptPerMonth", traffic.keptSpans() / cost.spansPerTrace());
        a.put("deadLetterShare", TraceItems.DEAD_LETTER_SHARE);
        a.put("logMiBPerPodPerDay", MonitoringItems.LOG_MIB_PER_POD_DAY);
        a.put("sparkHoursPerRun", Workloads.SPARK_HOURS_PER_RUN);
        a.put("uiGiBPerMonth", InfrastructureItems.UI_GIB_PER_MONTH);
        a.put("budgetUsd", cost.monthlyBudgetUsd().map(Object.class::cast).orElse("none"));
        return a;
    }

    /** The estimate, or empty when the stack's region or locations have no prices yet. */
    public static Optional<CostEstimate> tryEstimate(StackConfig config) {
        try {
            return Optional.of(estimate(config));
        } catch (PriceBook.Unpriced unpriced) {
            return Optional.empty();
        }
    }
}
