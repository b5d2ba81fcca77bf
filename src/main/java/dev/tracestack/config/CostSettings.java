package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.COST;

import dev.tracestack.wire.WireName;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an environment is expected to cost ({@code tracestack:cost}): the traffic it receives before any
 * sampling, the monthly budget it must stay within, how the cluster bills pods, and the billing account a
 * real budget is created on. Kubernetes platform only.
 *
 * @param spansPerSecond      spans per second the collector receives past its noise filter, before sampling
 * @param avgSpanBytes        the average size of one span as the collector publishes it (OTLP/JSON), in bytes
 * @param spansPerTrace       the average number of spans in one trace
 * @param errorTraceShare     the share of traces with an error span, in [0, 1]
 * @param slowTraceShare      the share of traces slower than {@code sampling.slowThresholdMs}, in [0, 1]
 * @param services            the number of instrumented services (span metrics series follow it)
 * @param operationsPerService the distinct span names per service (span metrics series follow it)
 * @param monthlyBudgetUsd    what the environment may cost a month, in US dollars; empty means no budget
 * @param gkeMode             how the cluster bills the stack's pods
 * @param billingAccount      the Cloud Billing account a real budget is created on; empty means none
 * @param enforceBudget       whether an estimate above the budget is a config error instead of a warning
 */
public record CostSettings(double spansPerSecond, int avgSpanBytes, double spansPerTrace, double errorTraceShare,
                           double slowTraceShare, int services, int operationsPerService,
                           Optional<Double> monthlyBudgetUsd, GkeMode gkeMode, Optional<String> billingAccount,
                           boolean enforceBudget) {

    /** Cloud Billing account ids: three groups of six upper-case hexadecimal digits. */
    private static final Pattern BILLING_ACCOUNT = Pattern.compile("[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}");

    /** How the GKE cluster the stack deploys into charges for the stack's pods. */
    public enum GkeMode {
        /** Pods are billed by their resource requests. */
        AUTOPILOT,
        /** Nodes are billed; the stack's share is its requests at the nodes' per-vCPU and per-GiB prices. */
        STANDARD;

        public String id() {
            return WireName.of(this);
        }
    }

    /**
     * Placeholders of the right order for a small product, used only where a stack says nothing; a stack
     * states its own, and a measured month replaces them ({@code cost <stack> --spans-per-month N}).
     */
    static CostSettings read(ConfigSection section) {
        return new CostSettings(
                section.number("spansPerSecond").orElse(10.0),
                section.integer("avgSpanBytes").orElse(800),
                section.number("spansPerTrace").orElse(7.0),
                section.number("errorTraceShare").orElse(0.02),
                section.number("slowTraceShare").orElse(0.05),
                section.integer("services").orElse(4),
                section.integer("operationsPerService").orElse(8),
                section.number("monthlyBudgetUsd"),
                section.choice("gkeMode", GkeMode.class).orElse(GkeMode.AUTOPILOT),
                section.string("billingAccount"),
                section.bool("enforceBudget").orElse(false));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.check(spansPerSecond >= 0, COST + ".spansPerSecond", plain(spansPerSecond),
                "must be at least 0");
        rules.check(avgSpanBytes > 0, COST + ".avgSpanBytes", String.valueOf(avgSpanBytes),
                "must be greater than 0");
        rules.check(spansPerTrace >= 1, COST + ".spansPerTrace", plain(spansPerTrace),
                "must be at least 1 (every trace has its root span)");
        rules.rate(COST + ".errorTraceShare", errorTraceShare);
        rules.rate(COST + ".slowTraceShare", slowTraceShare);
        rules.check(services >= 1, COST + ".services", String.valueOf(services), "must be at least 1");
        rules.check(operationsPerService >= 1, COST + ".operationsPerService",
                String.valueOf(operationsPerService), "must be at least 1");
        monthlyBudgetUsd.ifPresent(budget -> rules.check(budget > 0, COST + ".monthlyBudgetUsd", plain(budget),
                "must be greater than 0"));
        billingAccount.ifPresent(account -> rules.check(BILLING_ACCOUNT.matcher(account).matches(),
                COST + ".billingAccount", account,
                "must be a Cloud Billing account id such as 012345-6789AB-CDEF01"));
        if (monthlyBudgetUsd.isEmpty()) {
            billingAccount.ifPresent(account -> rules.add(COST + ".monthlyBudgetUsd", null,
                    "is required when " + COST + ".billingAccount is set (it is the budget's amount)"));
            rules.check(!enforceBudget, COST + ".monthlyBudgetUsd", null,
                    "is required when " + COST + ".enforceBudget is true");
        }
    }

    private static String plain(double value) {
        return StackConfigValidator.Rules.plain(value);
    }
}
