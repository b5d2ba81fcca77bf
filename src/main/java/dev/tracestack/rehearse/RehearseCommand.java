package dev.tracestack.rehearse;

import dev.tracestack.cli.ExitCode;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorTier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code rehearse <stack> [--dir D] [--out DIR] [--traces N] [--seed S] [--fault F]}: runs the stack's
 * rendered pipeline on the real programs on loopback and reports what it kept, changed and lost.
 */
public final class RehearseCommand {

    /** A check of the rehearsal failed: the stack does not do what its config says. */
    public static final int CHECK_FAILED = 3;

    static final String USAGE = """
            usage: tracestack rehearse <stack> [--dir DIR] [--out OUT] [--traces N] [--seed S] [--fault F]
              DIR  where Pulumi.yaml and Pulumi.<stack>.yaml are (default: the current directory)
              OUT  where the rehearsal writes (default: DIR/build/rehearse/<stack>)
              N    traces to send (default %d)
              S    the traffic's seed (default %d)
              F    %s
            exit: 0 every check holds, 3 a check fails, 2 invalid config or usage, 1 the rehearsal could not run"""
            .formatted(RehearsalOptions.DEFAULT_TRACES, RehearsalOptions.DEFAULT_SEED, Fault.ids());

    private RehearseCommand() {
    }

    /**
     * Runs the command and returns its exit code; never throws for bad input. The real programs are
     * looked for where the launcher says ({@code -Dtracestack.e2e}, {@code target/e2e} of the clone).
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of(System.getProperty("tracestack.e2e", "target/e2e")));
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Path e2e) {
        String stack = null;
        Path dir = Path.of(".");
        Path outDir = null;
        int traces = RehearsalOptions.DEFAULT_TRACES;
        long seed = RehearsalOptions.DEFAULT_SEED;
        Fault fault = Fault.NONE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return ExitCode.OK;
            }
            if (!arg.startsWith("-")) {
                if (stack != null) {
                    return usage(err, "one stack at a time, got " + stack + " and " + arg);
                }
                stack = arg;
                continue;
            }
            if (i + 1 == args.size()) {
                return usage(err, arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--dir" -> dir = Path.of(value);
                case "--out" -> outDir = Path.of(value);
                case "--traces" -> {
                    Optional<Integer> n = number(value).filter(v -> v > 0);
                    if (n.isEmpty()) {
                        return usage(err, "--traces must be a whole number above 0, got " + value);
                    }
                    traces = n.get();
                }
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return usage(err, "--seed must be a whole number, got " + value);
                    }
                }
                case "--fault" -> {
                    Optional<Fault> named = Fault.of(value).filter(f -> f != Fault.NONE);
                    if (named.isEmpty()) {
                        return usage(err, "--fault must be one of " + Fault.ids() + ", got " + value);
                    }
                    fault = named.get();
                }
                default -> {
                    return usage(err, "unknown option " + arg);
                }
            }
        }
        if (stack == null) {
            return usage(err, "which stack?");
        }
        try {
            StackConfig config = StackConfigParser.parse(StackFileReader.read(dir, stack));
            Optional<String> unfit = unfit(config, fault);
            if (unfit.isPresent()) {
                return usage(err, unfit.get());
            }
            RehearsalOptions options = new RehearsalOptions(
                    outDir != null ? outDir : dir.resolve("build").resolve("rehearse").resolve(stack),
                    traces, RehearsalOptions.DEFAULT_PER_SECOND, seed, fault, e2e);
            Report report = Rehearsal.run(config, RenderedStack.render(config), options, null, out);
            out.println();
            report.print(out);
            out.println();
            out.println("written to " + options.out());
            return report.allHold() ? ExitCode.OK : CHECK_FAILED;
        } catch (InvalidConfigException invalid) {
            invalid.printTo(err);
            return ExitCode.INVALID_CONFIG;
        } catch (RuntimeException failure) {
            err.println("tracestack rehearse: " + failure.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** Why a fault cannot be rehearsed on a stack, if it cannot. */
    static Optional<String> unfit(StackConfig config, Fault fault) {
        boolean jaeger = config.jaeger().enabled() && config.exporters().jaeger();
        return switch (fault) {
            case JAEGER_DOWN -> jaeger ? Optional.empty()
                    : Optional.of("--fault " + fault.id() + " needs Jaeger, which " + config.stack() + " does not deploy");
            case SAMPLER_SCALE -> CollectorTier.samples(config) ? Optional.empty()
                    : Optional.of("--fault " + fault.id() + " needs a sampler tier; " + config.stack()
                    + " keeps every trace and runs the gateway alone");
            case NONE, GATEWAY_CRASH -> Optional.empty();
        };
    }

    private static Optional<Integer> number(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("tracestack rehearse: " + problem + "\n" + USAGE);
        return ExitCode.INVALID_CONFIG;
    }
}
