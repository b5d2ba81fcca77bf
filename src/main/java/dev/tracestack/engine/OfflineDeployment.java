package dev.tracestack.engine;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

/** The Pulumi SDK's mock engine, started one way for every offline run: the plan, its tests and the floor. */
public final class OfflineDeployment {

    private OfflineDeployment() {
    }

    /** An engine for a project's stack, answered by {@code mocks}, its runner an {@link AwaitingRunner}. */
    public static PulumiTestInternal.Builder builder(String project, String stack, Mocks mocks) {
        return PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName(project)
                        .stackName(stack)
                        .preview(false)
                        .build())
                .mocks(mocks)
                .deploymentFactory(state -> {
                    // The deployment reads its runner and logger from the state when it is built.
                    state.runner = new AwaitingRunner(state.runner);
                    state.logger = new OfflineEngineLogger(state.logger);
                    return new DeploymentImpl(state);
                });
    }
}
