package dev.tracestack.plan;

import dev.tracestack.cli.ExitCode;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan <stack> [--dir DIR] [--out OUT]} and {@code plan --diff <stackA> <stackB> [--dir DIR]}:
 * the program run offline under the mock engine.
 */
public final class PlanCommand {

    static final String USAGE = """
            usage: tracestack plan <stack> [--dir DIR] [--out OUT]
                   tracestack plan --diff <stackA> <stackB> [--dir DIR]
              DIR  where Pulumi.yaml and Pulumi.<stack>.yaml are (default: the current directory)
              OUT  where the plan is written (default: DIR/build/plan/<stack>)""";

    private PlanCommand() {
    }

    /** Runs the command and returns its exit code; never throws for bad input. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> stacks = new ArrayList<>();
        Path dir = Path.of(".");
        Path outDir = null;
        boolean diff = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--diff" -> diff = true;
                case "--dir", "--out" -> {
                    if (i + 1 == args.size()) {
                        err.println("tracestack plan: " + arg + " needs a value\n" + USAGE);
                        return ExitCode.FAILED;
                    }
                    Path value = Path.of(args.get(++i));
                    if (arg.equals("--dir")) {
                        dir = value;
                    } else {
                        outDir = value;
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return ExitCode.OK;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("tracestack plan: unknown option " + arg + "\n" + USAGE);
                        return ExitCode.FAILED;
                    }
                    stacks.add(arg);
                }
            }
        }
        if (stacks.size() != (diff ? 2 : 1) || (diff && outDir != null)) {
            err.println(USAGE);
            return ExitCode.FAILED;
        }
        try {
            if (diff) {
                Plan a = PlanEngine.plan(load(dir, stacks.get(0)));
                Plan b = PlanEngine.plan(load(dir, stacks.get(1)));
                PlanDiff.print(a, b, out);
            } else {
                Plan plan = PlanEngine.plan(load(dir, stacks.get(0)));
                Path target = outDir != null ? outDir : dir.resolve("build").resolve("plan").resolve(stacks.get(0));
                int artifacts = PlanWriter.write(plan, target);
                PlanSummary.print(plan, target, artifacts, out);
            }
            return ExitCode.OK;
        } catch (InvalidConfigException invalid) {
            invalid.printTo(err);
            return ExitCode.INVALID_CONFIG;
        } catch (RuntimeException failure) {
            err.println("tracestack plan failed: " + failure.getMessage());
            if (failure.getCause() != null) {
                err.println("  caused by: " + failure.getCause());
            }
            return ExitCode.FAILED;
        }
    }

    private static StackConfig load(Path dir, String stack) {
        return StackConfigParser.parse(StackFileReader.read(dir, stack));
    }
}
