package dev.tracestack.engine;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The program run by the Pulumi engine ({@code pulumi up}, {@code pulumi preview}), as the SDK's
 * {@code Pulumi.run} runs it, but with an {@link AwaitingRunner}: the SDK's own runner polls its task set from
 * the program's start to its last registration, minutes in a real deployment, and on a machine with fewer than
 * three cores starts a thread for every poll, taking a core from the engine and the provider plugins that do
 * the deployment's work. Everything else is the SDK's: the engine and monitor connections, the config, the
 * stack, error reporting and exit codes.
 */
public final class LiveDeployment {

    private LiveDeployment() {
    }

    /** Runs {@code program} against the engine named by the environment the CLI sets; returns the exit code. */
    public static int run(Consumer<Context> program) {
        DeploymentImpl.DeploymentState state = DeploymentImpl.DeploymentState.fromEnvironment();
        state.runner = new AwaitingRunner(state.runner);
        DeploymentImpl deployment = new DeploymentImpl(state);
        DeploymentImpl.setInstance(new DeploymentInstanceInternal(deployment));
        var context = new ContextInternal(
                deployment.getOrganizationName(),
                deployment.getProjectName(),
                deployment.getStackName(),
                new LoggingContextInternal(deployment.getLog()),
                new ConfigContextInternal(deployment.getProjectName(),
                        name -> new Config(deployment.getConfig(), name)),
                new OutputContextInternal(new OutputFactory(state.runner)),
                List.of());
        return new PulumiInternal(state.runner, context).runAsync(program).join();
    }
}
