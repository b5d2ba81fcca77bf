package dev.tracestack.render.cost;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The Cloud Billing budget of one environment, derived from its config: where {@code cost.billingAccount} is
 * set, a monthly budget of {@code cost.monthlyBudgetUsd} over the stack's project that notifies the
 * environment's channels at 50%, 90% and 100% of actual spend.
 *
 * @param billingAccount the billing account the budget lives on
 * @param displayName    the budget's name in the console
 * @param project        the project whose spend the budget counts
 * @param amountUsd      the monthly amount
 * @param thresholds     the shares of the amount that notify, as fractions
 */
public record BudgetSpec(String billingAccount, String displayName, String project, BigDecimal amountUsd,
                         List<Double> thresholds) {

    /** Early (half spent), late (nine tenths) and at the limit. */
    public static final List<Double> THRESHOLDS = List.of(0.5, 0.9, 1.0);
    /** Budgets count spend by calendar month, as the estimate does. */
    public static final String PERIOD = "MONTH";
    /** Threshold rules compare against the spend so far, not a forecast that swings early in a month. */
    public static final String SPEND_BASIS = "CURRENT_SPEND";
    public static final String CURRENCY = "USD";

    public BudgetSpec {
        thresholds = List.copyOf(thresholds);
    }

    public static Optional<BudgetSpec> of(StackConfig config) {
        if (config.platform() != Platform.KUBERNETES) {
            return Optional.empty();
        }
        var cost = config.cost();
        return cost.billingAccount().flatMap(account -> cost.monthlyBudgetUsd().map(usd -> new BudgetSpec(account,
                "tracestack " + config.environment().id() + " (" + config.gcp().project() + ")",
                config.gcp().project(), BigDecimal.valueOf(usd), THRESHOLDS)));
    }

    /** Whole dollars, as the Billing API's Money takes them. */
    public String units() {
        return amountUsd.setScale(0, RoundingMode.DOWN).toPlainString();
    }

    /** The cents and below, in billionths of a dollar. */
    public int nanos() {
        return amountUsd.subtract(amountUsd.setScale(0, RoundingMode.DOWN)).movePointRight(9)
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
