package dev.tracestack.render.cost;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one stack is estimated to cost a month: its line items, what they were computed from, the prices
 * used with their sources, and the total against the budget. Written to {@code artifacts/cost.json}.
 *
 * @param stack       the stack name
 * @param environment the environment
 * @param region      the price book's region
 * @param currency    the currency of every amount
 * @param items       the line items, in the order the model computes them
 * @param assumptions the traffic and model assumptions the items rest on, by name
 * @param prices      every price the items use, by price book id
 * @param rules       every billing rule the items use, by price book id
 * @param budgetUsd   the stack's monthly budget, if it has one
 */
@JsonPropertyOrder({"stack", "environment", "region", "currency", "items", "assumptions", "prices", "rules",
        "budgetUsd", "totalUsd", "totalAtMaxReplicasUsd", "overBudget"})
public record CostEstimate(String stack, String environment, String region, String currency, List<LineItem> items,
                           Map<String, Object> assumptions, Map<String, PriceBook.Price> prices,
                           Map<String, PriceBook.Rule> rules, Optional<Double> budgetUsd) {

    public CostEstimate {
        items = List.copyOf(items);
        assumptions = new TreeMap<>(assumptions);
        prices = new TreeMap<>(prices);
        rules = new TreeMap<>(rules);
    }

    /** The sum of the line items. */
    @JsonProperty
    public double totalUsd() {
        return sum(items.stream().map(LineItem::monthlyUsd).toList());
    }

    /** The total with every autoscaled workload at its maximum: the month's upper bound. */
    @JsonProperty
    public double totalAtMaxReplicasUsd() {
        return sum(items.stream().map(i -> i.monthlyAtMaxUsd().orElse(i.monthlyUsd())).toList());
    }

    /** Whether the total exceeds the budget; false without a budget. */
    @JsonProperty
    public boolean overBudget() {
        return budgetUsd.filter(budget -> totalUsd() > budget).isPresent();
    }

    /** The {@code n} most expensive lines, most expensive first. */
    public List<LineItem> top(int n) {
        return items.stream().sorted(Comparator.comparingDouble(LineItem::monthlyUsd).reversed()).limit(n).toList();
    }

    public Optional<LineItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static double sum(List<Double> amounts) {
        return amounts.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
    }
}
