package dev.tracestack;

import com.pulumi.Pulumi;
import dev.tracestack.component.TracingProgram;
import dev.tracestack.config.EngineConfig;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.cost.CostCommand;
import dev.tracestack.plan.PlanCommand;
import dev.tracestack.rehearse.RehearseCommand;
import dev.tracestack.render.RenderedStack;
import java.util.Arrays;

/**
 * Entry point. With no arguments it is the Pulumi program the engine runs ({@code pulumi up}); with
 * {@code plan ...} it runs the same program offline under the mock engine; {@code cost ...} prices a stack;
 * with {@code rehearse ...} it runs the stack's rendered telemetry pipeline on the real programs.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("cost")) {
            System.exit(CostCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("rehearse")) {
            System.exit(RehearseCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("usage: tracestack                (run by the Pulumi engine)\n"
                    + "       tracestack plan ...       (offline; see plan --help)\n"
                    + "       tracestack cost ...       (the monthly estimate; see cost --help)\n"
                    + "       tracestack rehearse ...   (the real programs on loopback; see rehearse --help)");
            System.exit(PlanCommand.FAILED);
        }
        StackConfig config;
        try {
            config = StackConfigParser.parse(EngineConfig.fromEnvironment(System.getenv()));
        } catch (InvalidConfigException invalid) {
            // Checked before Pulumi.run so that no resource is registered on bad input.
            PlanCommand.printProblems(invalid, System.err);
            System.exit(PlanCommand.INVALID_CONFIG);
            return;
        }
        RenderedStack rendered = RenderedStack.render(config);
        Pulumi.run(ctx -> TracingProgram.define(ctx, config, rendered));
    }
}
