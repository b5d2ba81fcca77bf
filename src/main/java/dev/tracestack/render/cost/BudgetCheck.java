package dev.tracestack.render.cost;

import static dev.tracestack.config.ConfigKeys.COST;

import dev.tracestack.config.ConfigProblem;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code cost.enforceBudget}: an estimate above {@code cost.monthlyBudgetUsd} is a config problem like any
 * other, so {@code plan}, {@code cost} and {@code pulumi up} stop before anything is registered. Runs on a
 * config that passed every other rule, when the stack is rendered: the rule needs the estimate. So does the
 * rule that needs the assumed traffic, Elasticsearch's disks against what they must hold ({@link ElasticsearchDisk}).
 */
public final class BudgetCheck {

    private BudgetCheck() {
    }

    /**
     * Throws the budget's and the disks' problems as an invalid config, if the estimate breaks an enforced
     * budget or the disks cannot hold the indices.
     */
    public static void enforce(StackConfig config) {
        List<ConfigProblem> problems = new java.util.ArrayList<>(ElasticsearchDisk.problems(config));
        problems.addAll(problems(config));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    public static List<ConfigProblem> problems(StackConfig config) {
        if (!config.cost().enforceBudget() || config.platform() != Platform.KUBERNETES
                || config.cost().monthlyBudgetUsd().isEmpty()) {
            return List.of();
        }
        double budget = config.cost().monthlyBudgetUsd().get();
        CostEstimate estimate;
        try {
            estimate = CostEstimator.estimate(config);
        } catch (PriceBook.Unpriced unpriced) {
            return List.of(new ConfigProblem(config.file(), COST + ".enforceBudget", "true",
                    "needs an estimate, and " + unpriced.getMessage()));
        }
        if (!estimate.overBudget()) {
            return List.of();
        }
        String largest = estimate.top(3).stream().map(i -> i.id() + " $" + LineItem.money(i.monthlyUsd()))
                .collect(Collectors.joining(", "));
        return List.of(new ConfigProblem(config.file(), COST + ".monthlyBudgetUsd", LineItem.plain(budget),
                "must cover the estimated $" + LineItem.money(estimate.totalUsd()) + " a month while " + COST
                        + ".enforceBudget is true (largest: " + largest + "; ./tracestack cost " + config.stack()
                        + " itemises it)"));
    }
}
