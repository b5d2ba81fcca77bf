package dev.tracestack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.Context;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The offline engine's runner waits for the program's tasks rather than polling them, and leaves what the SDK
 * does with their results, failures included, as it was. The SDK logs each poll of its task set at FINEST, so a
 * logger at that level counts the polls.
 */
@Timeout(30)
class AwaitingRunnerTest {

    private static final String TYPE = "tracestack:test:Slow";
    private static final Executor LATER = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void aProgramWhoseResourcesAnswerLateCompletesWithAllOfThemWithoutPollingWhileItWaits() {
        Consumer<Context> program = ctx -> {
            for (int i = 0; i < 5; i++) {
                new CustomResource(TYPE, "slow-" + i, ResourceArgs.Empty, null);
            }
        };
        Answers awaitedAnswers = new Answers(null);
        Answers polledAnswers = new Answers(null);

        int awaited = polls(OfflineDeployment.builder("tracestack", "dev", awaitedAnswers), program);
        int polled = polls(sdkDefault(polledAnswers), program);

        assertThat(awaitedAnswers.answered).hasValue(5);
        assertThat(polledAnswers.answered).hasValue(5);
        // The SDK's own loop polls throughout the wait (hundreds of times a second); here it starts when every
        // task is done and looks at what is left: a task registered at the very end, at most.
        assertThat(awaited).as("polls awaiting, against %d polling", polled).isLessThan(polled / 20);
    }

    @Test
    void aProgramThatThrowsFailsAsItWouldUnderTheSdksOwnRunner() {
        Consumer<Context> program = ctx -> {
            throw new IllegalStateException("the program broke");
        };

        Outcome awaited = Outcome.of(OfflineDeployment.builder("tracestack", "dev", new Answers(null)), program);
        Outcome polled = Outcome.of(sdkDefault(new Answers(null)), program);

        assertThat(awaited.exitCode()).isNotZero();
        assertThat(awaited.errors()).anySatisfy(error -> assertThat(error).contains("the program broke"));
        assertThat(awaited).isEqualTo(polled);
    }

    @Test
    void aFailedRegistrationEndsTheWaitEvenWhileAnotherResourceNeverAnswers() {
        Consumer<Context> program = ctx -> {
            new CustomResource(TYPE, "never", ResourceArgs.Empty, null);
            new CustomResource(TYPE, "refused", ResourceArgs.Empty, null);
        };

        Outcome awaited = Outcome.of(OfflineDeployment.builder("tracestack", "dev", new Answers("refused")), program);
        Outcome polled = Outcome.of(sdkDefault(new Answers("refused")), program);

        assertThat(awaited.exitCode()).isNotZero();
        assertThat(awaited.exceptions()).anySatisfy(message -> assertThat(message).contains("no answer for refused"));
        assertThat(awaited).isEqualTo(polled);
    }

    /** The SDK's mock engine as it comes, with its polling runner. */
    private static PulumiTestInternal.Builder sdkDefault(Mocks mocks) {
        return PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("tracestack").stackName("dev").preview(false).build())
                .mocks(mocks);
    }

    /** What a run reports: its exit code, its exceptions' messages down to the cause, and the errors logged. */
    private record Outcome(int exitCode, List<String> exceptions, List<String> errors) {

        static Outcome of(PulumiTestInternal.Builder engine, Consumer<Context> program) {
            try {
                Logger quiet = Logger.getAnonymousLogger();
                quiet.setUseParentHandlers(false);
                TestResult result = engine.standardLogger(quiet).build().runTest(program);
                return new Outcome(result.exitCode(),
                        result.exceptions().stream().map(Outcome::messages).sorted().toList(),
                        result.errors().stream().map(Outcome::withoutStack).sorted().toList());
            } finally {
                PulumiTest.cleanup();
            }
        }

        private static String messages(Throwable e) {
            return e.getCause() == null ? String.valueOf(e.getMessage())
                    : e.getMessage() + " <- " + messages(e.getCause());
        }

        /** The message and the exception's first line: stack traces differ by the threads that ran them. */
        private static String withoutStack(String error) {
            return String.join("\n", error.lines().limit(2).toList());
        }
    }

    /** Runs {@code program} on {@code engine}, which must succeed, and counts the SDK's polls of its task set. */
    private static int polls(PulumiTestInternal.Builder engine, Consumer<Context> program) {
        AtomicInteger polls = new AtomicInteger();
        Logger logger = CapturingLogger.of(record -> {
            if (record.getMessage().startsWith("Remaining tasks")) {
                polls.incrementAndGet();
            }
        });
        try {
            TestResult result = engine.standardLogger(logger).build().runTest(program);
            assertThat(result.exitCode()).isZero();
            assertThat(result.exceptions()).isEmpty();
            return polls.get();
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** Answers each resource 500 ms late; the one named {@code refused} fails, one named {@code never} never. */
    private static final class Answers implements Mocks {

        private final String refused;
        private final AtomicInteger answered = new AtomicInteger();

        Answers(String refused) {
            this.refused = refused;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            if (args.name.equals("never")) {
                return new CompletableFuture<>();
            }
            if (args.name.equals(refused)) {
                return CompletableFuture.failedFuture(new IllegalStateException("no answer for " + args.name));
            }
            return CompletableFuture.supplyAsync(() -> {
                answered.incrementAndGet();
                return ResourceResult.of(Optional.of(args.name + "-id"), Map.of());
            }, LATER);
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing is called"));
        }
    }
}
