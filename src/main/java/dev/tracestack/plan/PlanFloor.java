package dev.tracestack.plan;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.engine.OfflineDeployment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Pulumi SDK's own floor for a plan: the mock engine, started as {@link PlanEngine} starts it
 * ({@link OfflineDeployment}), registering as many trivial resources (no inputs, no outputs) as a stack's plan
 * has, with no config read, nothing rendered and no provider's classes loaded. {@code bench/plan-time.sh} runs it
 * in a fresh JVM next to each stack's plan, so that a plan's start-up is measured against what no program on this
 * SDK can beat.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.plan.PlanFloor STACK RESOURCES</pre>
 */
public final class PlanFloor {

    /** The trivial resources' type: a package of its own, so no provider answers for it. */
    static final String TYPE = "tracestack:floor:Trivial";

    private PlanFloor() {
    }

    public static void main(String[] args) {
        String stack = args[0];
        int resources = Integer.parseInt(args[1]);
        System.out.printf("%d resources%n", register(stack, resources));
    }

    /** Registers {@code count} trivial resources under the mock engine; returns how many the engine saw. */
    static int register(String stack, int count) {
        Echo mocks = new Echo();
        try {
            TestResult result = OfflineDeployment.builder(StackFileReader.PROJECT, stack, mocks)
                    .build()
                    .runTest(ctx -> {
                        for (int i = 0; i < count; i++) {
                            new CustomResource(TYPE, "floor-" + i, ResourceArgs.Empty, null);
                        }
                    });
            if (result.exitCode() != 0 || !result.exceptions().isEmpty()) {
                throw new IllegalStateException("the floor program failed: " + String.join("; ", result.errors()));
            }
            return mocks.registered;
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** Answers each registration with its inputs and a made-up id, as {@link PlanMocks} does. */
    private static final class Echo implements Mocks {

        private int registered;

        @Override
        public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered++;
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.failedFuture(new IllegalStateException("the floor program calls nothing"));
        }
    }
}
