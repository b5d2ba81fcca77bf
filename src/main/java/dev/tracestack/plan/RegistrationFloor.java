package dev.tracestack.plan;

import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.render.RenderedStack;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the Pulumi SDK needs to register one stack's own resources, with none of tracestack's other work in the
 * way: the stack is read, checked and rendered first, the JVM is left until its JIT compiler has gone quiet, and
 * only then is the mock engine started and the program run, as {@link PlanEngine} runs it. {@code
 * bench/plan-time.sh} adds the time from the launch of the JVM to {@code main} and sets the sum against {@link
 * PlanFloor}: the ratio a plan would have if reading, checking, rendering and writing the stack cost nothing.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.plan.RegistrationFloor STACK LAUNCHED   (in the project's directory;
 * LAUNCHED: when the JVM was launched, in ms since the epoch, as {@code date +%s%3N} prints it)</pre>
 */
public final class RegistrationFloor {

    /** How long the JIT compiler must have compiled nothing before the engine starts. */
    private static final long QUIET_MS = 300;
    private static final long POLL_MS = 50;
    private static final long MAX_WAIT_MS = 10_000;

    private RegistrationFloor() {
    }

    public static void main(String[] args) throws InterruptedException {
        long enteredMain = System.currentTimeMillis();
        StackConfig config = StackConfigParser.parse(StackFileReader.read(Path.of("."), args[0]));
        RenderedStack rendered = RenderedStack.render(config);
        awaitQuietCompiler();
        long start = System.nanoTime();
        int resources = register(config, rendered).size();
        long registeredMs = (System.nanoTime() - start) / 1_000_000;
        long toMainMs = enteredMain - Long.parseLong(args[1]);
        System.out.printf("%d resources registered in %d ms; %d ms from the launch to main%n", resources,
                registeredMs, toMainMs);
    }

    /** Registers a stack's resources from its rendering, done beforehand, as a plan does; returns them. */
    static List<PlannedResource> register(StackConfig config, RenderedStack rendered) {
        return PlanEngine.plan(config, CompletableFuture.completedFuture(rendered)).resources();
    }

    /**
     * Returns once the JIT compiler has compiled nothing for {@link #QUIET_MS}, so the engine has the cores, or after
     * {@link #MAX_WAIT_MS} whatever it does.
     */
    private static void awaitQuietCompiler() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long compiled = -1;
        long quietMs = 0;
        for (long waitedMs = 0; quietMs < QUIET_MS && waitedMs < MAX_WAIT_MS; waitedMs += POLL_MS) {
            Thread.sleep(POLL_MS);
            long now = compiler.getTotalCompilationTime();
            quietMs = now == compiled ? quietMs + POLL_MS : 0;
            compiled = now;
        }
    }
}
