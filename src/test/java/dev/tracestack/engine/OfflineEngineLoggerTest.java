package dev.tracestack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Offline, the SDK's debug messages are not sent to the mock engine, which would discard them; what is logged at
 * any other level still is, as the SDK's own logger would.
 */
@Timeout(60)
class OfflineEngineLoggerTest {

    private static final int RESOURCES = 10;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theSdksWarningsAreStillLoggedWhileItsDebugMessagesAreNot() {
        // The mock answers a string output with a number: the SDK warns through the deployment's logger.
        Consumer<Context> program = ctx -> {
            for (int i = 0; i < RESOURCES; i++) {
                new Named("mistyped-" + i);
            }
        };

        List<LogRecord> quiet = logged(OfflineDeployment.builder("tracestack", "dev", new Mistyping()), program);
        List<LogRecord> sending = logged(withTheSdksLogger(), program);

        // Four debug messages per registration, each a task, and a thread where the common pool is under two.
        assertThat(sending).filteredOn(record -> record.getLevel() == Level.FINEST)
                .hasSizeGreaterThanOrEqualTo(4 * RESOURCES);
        assertThat(quiet).extracting(LogRecord::getLevel).containsOnly(Level.WARNING);
        assertThat(quiet).extracting(LogRecord::getMessage)
                .containsExactlyInAnyOrderElementsOf(sending.stream()
                        .filter(record -> record.getLevel() == Level.WARNING)
                        .map(LogRecord::getMessage)
                        .toList())
                .anySatisfy(message -> assertThat(message).contains("Expected 'java.lang.String'"));
    }

    /** The offline engine with its awaiting runner, but the SDK's own logger. */
    private static PulumiTestInternal.Builder withTheSdksLogger() {
        return OfflineDeployment.builder("tracestack", "dev", new Mistyping())
                .deploymentFactory(state -> {
                    state.runner = new AwaitingRunner(state.runner);
                    return new DeploymentImpl(state);
                });
    }

    /** What the run's standard logger received at every level, from the SDK's engine logger. */
    private static List<LogRecord> logged(PulumiTestInternal.Builder engine, Consumer<Context> program) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = CapturingLogger.of(record -> {
            if (record.getLoggerName() == null && record.getSourceClassName().contains("EngineLogger")) {
                records.add(record);
            }
        });
        try {
            engine.standardLogger(logger).build().runTest(program);
            return records;
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** A resource with one string output. */
    @ResourceType(type = "tracestack:test:Named")
    static final class Named extends CustomResource {

        @Export(name = "label", refs = String.class)
        private Output<String> label;

        Named(String name) {
            super("tracestack:test:Named", name, ResourceArgs.Empty, null);
        }
    }

    /** Answers every resource with a number for its string output {@code label}. */
    private static final class Mistyping implements Mocks {

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(
                    ResourceResult.of(Optional.of(args.name + "-id"), Map.of("label", 42)));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing is called"));
        }
    }
}
