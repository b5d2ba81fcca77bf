package dev.tracestack.plan;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import dev.tracestack.component.TracingProgram;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.engine.OfflineDeployment;
import dev.tracestack.render.RenderedStack;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs the real program for one stack under the Pulumi SDK's mock engine, with no cloud and no CLI. */
public final class PlanEngine {

    private PlanEngine() {
    }

    /**
     * Plans a validated config. Must be called from the thread that owns the run, never concurrently. The
     * config is rendered on another core while the mock engine starts; a render's config error is thrown as is.
     */
    public static Plan plan(StackConfig config) {
        return plan(config, CompletableFuture.supplyAsync(() -> RenderedStack.render(config)));
    }

    /** Plans a validated config whose rendering is under way, or done, in {@code rendering}. */
    static Plan plan(StackConfig config, CompletableFuture<RenderedStack> rendering) {
        PlanMocks mocks = new PlanMocks(config.gcp().project());
        PlanRecorder[] recorder = new PlanRecorder[1];
        try {
            TestResult result = OfflineDeployment.builder(StackFileReader.PROJECT, config.stack(), mocks)
                    .monitorDecorator(ignored -> recorder[0] = new PlanRecorder(mocks))
                    .build()
                    .runTest(ctx -> TracingProgram.define(ctx, rendering.join()));
            RenderedStack rendered = rendered(rendering);
            if (result.exitCode() != 0 || !result.exceptions().isEmpty()) {
                Exception first = result.exceptions().isEmpty() ? null : result.exceptions().get(0);
                throw new PlanFailedException("the program failed for stack " + config.stack() + ": "
                        + String.join("; ", result.errors()), first);
            }
            Map<String, Object> outputs = new TreeMap<>();
            result.outputs().forEach((name, output) -> outputs.put(name, PulumiTest.extractValue(output)));
            List<PlannedResource> resources = recorder[0].resources().stream()
                    .sorted(Comparator.comparing(PlannedResource::name).thenComparing(PlannedResource::type))
                    .toList();
            return new Plan(config, resources, outputs, rendered);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The rendered stack, or what rendering threw, unwrapped. */
    private static RenderedStack rendered(CompletableFuture<RenderedStack> rendering) {
        try {
            return rendering.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The program failed for a reason other than invalid config. */
    public static final class PlanFailedException extends RuntimeException {
        PlanFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
