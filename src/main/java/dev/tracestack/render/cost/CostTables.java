package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.money;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The estimate as people read it: one stack itemised, stacks side by side, and the difference of two. */
public final class CostTables {

    private static final String ROW = "  %-32s %s%n";

    private CostTables() {
    }

    /** Every line with its arithmetic, then the total, the upper bound and the budget. */
    public static void itemised(CostEstimate e, PrintStream to) {
        to.printf("stack %s (%s, prices of %s): $%s a month%s%n", e.stack(), e.environment(), e.region(),
                money(e.totalUsd()), budgetPhrase(e));
        for (LineItem item : e.items()) {
            List<LineItem.Charge> charges = item.charges();
            for (int i = 0; i < charges.size(); i++) {
                to.printf(ROW, i == 0 ? item.id() : "", charges.get(i).formula());
            }
        }
        to.printf(ROW, "total", "$" + money(e.totalUsd()));
        to.printf(ROW, "at maximum replicas", "$" + money(e.totalAtMaxReplicasUsd()));
        e.budgetUsd().ifPresent(budget -> to.printf(ROW, "budget", "$" + money(budget)));
        warnIfOver(e, to);
    }

    /** A stack's column in {@link #compare}: its estimate, or why it has none. */
    public record Column(String stack, Optional<CostEstimate> estimate, String notPricedBecause) {

        public static Column priced(CostEstimate estimate) {
            return new Column(estimate.stack(), Optional.of(estimate), "");
        }

        public static Column notPriced(String stack, String because) {
            return new Column(stack, Optional.empty(), because);
        }
    }

    /** One column per stack, one row per line item any of them has; a stack with no estimate reads "not priced". */
    public static void compare(List<Column> columns, PrintStream to) {
        List<CostEstimate> estimates = columns.stream().flatMap(c -> c.estimate().stream()).toList();
        StringBuilder header = new StringBuilder(String.format("  %-32s", "item"));
        columns.forEach(c -> header.append(String.format(" %12s", c.stack())));
        to.println(header);
        for (String id : ids(estimates)) {
            row(to, id, columns, e -> e.item(id).map(LineItem::monthlyUsd));
        }
        row(to, "total", columns, e -> Optional.of(e.totalUsd()));
        row(to, "at maximum replicas", columns, e -> Optional.of(e.totalAtMaxReplicasUsd()));
        row(to, "budget", columns, CostEstimate::budgetUsd);
        estimates.forEach(e -> warnIfOver(e, to));
        columns.stream().filter(c -> c.estimate().isEmpty())
                .forEach(c -> to.printf("%s is not priced: %s%n", c.stack(), c.notPricedBecause()));
    }

    /** Each line's cost in {@code before} and {@code after}, and what changed; unchanged lines are left out. */
    public static void difference(CostEstimate before, CostEstimate after, String beforeLabel, String afterLabel,
                                  PrintStream to) {
        to.printf("  %-32s %12s %12s %12s%n", "item", beforeLabel, afterLabel, "difference");
        for (String id : ids(List.of(before, after))) {
            double a = before.item(id).map(LineItem::monthlyUsd).orElse(0.0);
            double b = after.item(id).map(LineItem::monthlyUsd).orElse(0.0);
            if (Math.abs(b - a) >= 0.005) {
                to.printf("  %-32s %12s %12s %12s%n", id, "$" + money(a), "$" + money(b), signed(b - a));
            }
        }
        to.printf("  %-32s %12s %12s %12s%n", "total", "$" + money(before.totalUsd()), "$" + money(after.totalUsd()),
                signed(after.totalUsd() - before.totalUsd()));
    }

    /** The plan's lines: total against the budget and the three most expensive items. */
    public static void summary(CostEstimate e, PrintStream to) {
        to.printf("cost: $%s a month estimated%s (docs/cost.md; ./tracestack cost %s)%n", money(e.totalUsd()),
                budgetPhrase(e), e.stack());
        e.top(3).forEach(item -> to.printf("  %-32s $%s%n", item.id(), money(item.monthlyUsd())));
        warnIfOver(e, to);
    }

    /** The plan's cost lines for a stack, or why there are none. */
    public static void planSummary(StackConfig config, Optional<CostEstimate> rendered, PrintStream to) {
        if (config.platform() != Platform.KUBERNETES) {
            return;
        }
        try {
            // Estimated again only when rendering found no prices, for the reason.
            summary(rendered.orElseGet(() -> CostEstimator.estimate(config)), to);
        } catch (PriceBook.Unpriced unpriced) {
            to.println("cost: not estimated: " + unpriced.getMessage());
        }
    }

    /** The cost section of {@code plan --diff}: each line's cost in both stacks and the difference. */
    public static void planDiff(StackConfig a, StackConfig b, PrintStream to) {
        if (a.platform() != Platform.KUBERNETES || b.platform() != Platform.KUBERNETES) {
            to.println("  (estimated for Kubernetes stacks only)");
            return;
        }
        try {
            difference(CostEstimator.estimate(a), CostEstimator.estimate(b), a.stack(), b.stack(), to);
        } catch (PriceBook.Unpriced unpriced) {
            to.println("  (not estimated: " + unpriced.getMessage() + ")");
        }
    }

    public static void warnIfOver(CostEstimate e, PrintStream to) {
        if (e.overBudget()) {
            to.printf("warning: %s is over its budget of $%s by $%s%n", e.stack(), money(e.budgetUsd().orElseThrow()),
                    money(e.totalUsd() - e.budgetUsd().orElseThrow()));
        }
    }

    private static String budgetPhrase(CostEstimate e) {
        return e.budgetUsd().map(b -> " against a budget of $" + money(b) + " ("
                + Math.round(e.totalUsd() / b * 100) + "%)").orElse(", no budget set");
    }

    private static Set<String> ids(List<CostEstimate> estimates) {
        Set<String> ids = new LinkedHashSet<>();
        estimates.forEach(e -> e.items().forEach(i -> ids.add(i.id())));
        return ids;
    }

    private static void row(PrintStream to, String label, List<Column> columns,
                            Function<CostEstimate, Optional<Double>> cell) {
        List<String> cells = new ArrayList<>();
        columns.forEach(c -> cells.add(c.estimate().isEmpty() ? "not priced"
                : cell.apply(c.estimate().get()).map(v -> "$" + money(v)).orElse("-")));
        StringBuilder line = new StringBuilder(String.format("  %-32s", label));
        cells.forEach(c -> line.append(String.format(" %12s", c)));
        to.println(line);
    }

    private static String signed(double usd) {
        return (usd < 0 ? "-$" : "+$") + money(Math.abs(usd));
    }
}
