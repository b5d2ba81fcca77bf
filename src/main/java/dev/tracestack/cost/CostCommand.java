package dev.tracestack.cost;

import dev.tracestack.cli.ExitCode;
import dev.tracestack.config.ConfigOverrides;
import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.render.cost.BudgetCheck;
import dev.tracestack.render.cost.CostEstimate;
import dev.tracestack.render.cost.CostEstimator;
import dev.tracestack.render.cost.CostTables;
import dev.tracestack.render.cost.PriceBook;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code cost <stack> [--set key=value ...] [--spans-per-month N]} and {@code cost --compare <stack>...}: the
 * estimate without running the program. Overrides go through the same parser and validator as stack files.
 */
public final class CostCommand {

    static final String USAGE = """
            usage: tracestack cost <stack> [--set key=value ...] [--spans-per-month N] [--dir DIR]
                   tracestack cost --compare <stack> <stack>... [--dir DIR]
              --set              a what-if: the key as pulumi config set --path takes it (sampling.defaultRate=0.3,
                                 retentionDays=30); prints the difference per item
              --spans-per-month  price a measured month: the spans column of the monthly_volume view
              DIR                where Pulumi.yaml and Pulumi.<stack>.yaml are (default: the current directory)""";

    private CostCommand() {
    }

    /** Runs the command and returns its exit code; never throws for bad input. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> stacks = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        OptionalDouble spansPerMonth = OptionalDouble.empty();
        Path dir = Path.of(".");
        boolean compare = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return ExitCode.OK;
            }
            if (arg.equals("--compare")) {
                compare = true;
                continue;
            }
            if (!arg.startsWith("-")) {
                stacks.add(arg);
                continue;
            }
            if (!List.of("--set", "--spans-per-month", "--dir").contains(arg)) {
                return usage(err, "unknown option " + arg);
            }
            if (i + 1 == args.size()) {
                return usage(err, arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--set" -> overrides.add(value);
                case "--dir" -> dir = Path.of(value);
                default -> {
                    try {
                        spansPerMonth = OptionalDouble.of(Double.parseDouble(value));
                    } catch (NumberFormatException notANumber) {
                        return usage(err, "--spans-per-month needs a number, got " + value);
                    }
                }
            }
        }
        if (compare ? stacks.size() < 2 || !overrides.isEmpty() || spansPerMonth.isPresent() : stacks.size() != 1) {
            return usage(err, compare ? "--compare needs two or more stacks and takes no --set or --spans-per-month "
                    + "(a measured month belongs to one stack)" : "name exactly one stack (or --compare several)");
        }
        try {
            if (compare) {
                List<CostTables.Column> columns = new ArrayList<>();
                for (String stack : stacks) {
                    StackConfig config = load(dir, stack, List.of());
                    columns.add(config.platform() == Platform.KUBERNETES
                            ? CostTables.Column.priced(CostEstimator.estimate(config))
                            : CostTables.Column.notPriced(stack, notPriced(config)));
                }
                CostTables.compare(columns, out);
                return ExitCode.OK;
            }
            StackConfig config = load(dir, stacks.get(0), List.of());
            if (config.platform() != Platform.KUBERNETES) {
                err.println("tracestack cost: " + stacks.get(0) + " is not priced: " + notPriced(config));
                return ExitCode.INVALID_CONFIG;
            }
            CostEstimate base = CostEstimator.estimate(config, spansPerMonth);
            if (spansPerMonth.isPresent()) {
                out.printf("priced for a measured month: %s spans reached the backends%n", (long) spansPerMonth
                        .getAsDouble());
            }
            if (overrides.isEmpty()) {
                CostTables.itemised(base, out);
                return ExitCode.OK;
            }
            CostEstimate whatIf = CostEstimator.estimate(load(dir, stacks.get(0), overrides), spansPerMonth);
            out.printf("what-if for %s: --set %s%n", base.stack(), String.join(" --set ", overrides));
            CostTables.difference(base, whatIf, "now", "what-if", out);
            CostTables.warnIfOver(whatIf, out);
            return ExitCode.OK;
        } catch (InvalidConfigException invalid) {
            invalid.printTo(err);
            return ExitCode.INVALID_CONFIG;
        } catch (PriceBook.Unpriced unpriced) {
            err.println("tracestack cost: cannot estimate: " + unpriced.getMessage());
            return ExitCode.FAILED;
        }
    }

    private static StackConfig load(Path dir, String stack, List<String> overrides) {
        ConfigSource source = ConfigOverrides.apply(StackFileReader.read(dir, stack), overrides);
        StackConfig config = StackConfigParser.parse(source);
        BudgetCheck.enforce(config);
        return config;
    }

    /** Why a stack has no estimate: it runs on a workstation's Docker engine, which bills nothing. */
    private static String notPriced(StackConfig config) {
        return config.file() + " sets tracestack:platform " + config.platform().id()
                + ", and the estimate is for Kubernetes stacks on Google Cloud (docs/cost.md)";
    }

    private static int usage(PrintStream err, String problem) {
        err.println("tracestack cost: " + problem + "\n" + USAGE);
        return ExitCode.FAILED;
    }
}
