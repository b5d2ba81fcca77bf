package dev.tracestack;

import com.pulumi.Context;
import dev.tracestack.cli.ExitCode;
import dev.tracestack.component.TracingProgram;
import dev.tracestack.config.EngineConfig;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.cost.CostCommand;
import dev.tracestack.engine.LiveDeployment;
import dev.tracestack.plan.PlanCommand;
import dev.tracestack.rehearse.RehearseCommand;
import dev.tracestack.render.RenderedStack;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entry point. With no arguments it is the Pulumi program the engine runs ({@code pulumi up}), and outside the
 * engine it prints the usage; {@code help} prints it too; with
 * {@code plan ...} it runs the same program offline under the mock engine; {@code cost ...} prices a stack;
 * with {@code rehearse ...} it runs the stack's rendered telemetry pipeline on the real programs.
 */
public final class App {

    static final String USAGE = "usage: tracestack                (run by the Pulumi engine: pulumi preview, pulumi up)\n"
            + "       tracestack plan ...       (offline; see plan --help)\n"
            + "       tracestack cost ...       (the monthly estimate; see cost --help)\n"
            + "       tracestack rehearse ...   (the real programs on loopback; see rehearse --help)";

    /**
     * The engine's addresses, which the language host sets for the program and the SDK's
     * {@code DeploymentState.fromEnvironment} requires: without them the program is not run by the engine.
     */
    static final List<String> ENGINE_VARIABLES = List.of("PULUMI_MONITOR", "PULUMI_ENGINE");

    /** What runs a Pulumi program under the engine; {@link LiveDeployment} exits the process when done. */
    @FunctionalInterface
    public interface Engine {
        void run(Consumer<Context> program);
    }

    private App() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err,
                program -> System.exit(LiveDeployment.run(program))));
    }

    /**
     * Runs a command, or with no arguments the program under {@code engine} with the stack config the engine
     * put in {@code env}; returns the exit code. The config is parsed, checked and rendered before the program
     * starts, so on bad input the engine is never called and nothing is registered.
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
                          Engine engine) {
        if (!args.isEmpty()) {
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "plan" -> PlanCommand.run(rest, out, err);
                case "cost" -> CostCommand.run(rest, out, err);
                case "rehearse" -> RehearseCommand.run(rest, out, err);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield ExitCode.OK;
                }
                default -> {
                    err.println("tracestack: unknown command " + args.get(0) + "\n" + USAGE);
                    yield ExitCode.FAILED;
                }
            };
        }
        if (!ENGINE_VARIABLES.stream().allMatch(env::containsKey)) {
            err.println("tracestack: with no command it is the Pulumi program, and " + String.join(" and ",
                    ENGINE_VARIABLES) + " are not set; run it with pulumi preview or pulumi up, or name a command\n"
                    + USAGE);
            return ExitCode.INVALID_CONFIG;
        }
        RenderedStack rendered;
        try {
            rendered = RenderedStack.render(StackConfigParser.parse(EngineConfig.fromEnvironment(env)));
        } catch (InvalidConfigException invalid) {
            invalid.printTo(err);
            return ExitCode.INVALID_CONFIG;
        }
        engine.run(ctx -> TracingProgram.define(ctx, rendered));
        return ExitCode.OK;
    }
}
