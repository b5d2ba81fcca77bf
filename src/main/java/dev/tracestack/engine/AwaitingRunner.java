package dev.tracestack.engine;

import com.pulumi.deployment.internal.Runner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SDK's task runner, made to wait for the program's tasks instead of polling for them.
 *
 * <p>The SDK runs a program asynchronously and, until every task it registered is done, re-submits a check of
 * the whole task set to the default executor, again and again, formatting the set into a log message each time
 * whether or not the message is logged. Where the common pool has fewer than two threads (any machine with fewer
 * than three cores), each re-submission is a new thread: a plan of the dev stack started about 2,300 of them,
 * kept a core busy and filled the young generation with their allocation buffers, and a preview waiting 15 s on
 * the engine used 17 s of CPU ({@link LiveDeployment}). This runner holds the program's callback until every
 * registered task has completed, or one has failed, by blocking on the tasks themselves. A task that succeeded
 * needs nothing more from the SDK; a failed one, and whatever is still running after it, is passed on, so that
 * reporting the failure and the exit code stay the SDK's.
 */
final class AwaitingRunner implements Runner {

    private final Runner sdk;
    private final Map<CompletableFuture<?>, String> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

    AwaitingRunner(Runner sdk) {
        this.sdk = sdk;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.put(task, description);
        task.whenComplete((value, failure) -> {
            pending.remove(task);
            if (failure != null) {
                sdk.registerTask(description, task);
                firstFailure.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return sdk.runAsync(() -> {
            T value = callback.get();
            awaitTasks();
            // After a failure the SDK reports it, and sees what is still running, as it would have.
            pending.forEach((task, description) -> sdk.registerTask(description, task));
            return value;
        });
    }

    /** Returns once no registered task is pending, including those registered while waiting, or one failed. */
    private void awaitTasks() {
        List<CompletableFuture<?>> waitingFor = List.copyOf(pending.keySet());
        while (!waitingFor.isEmpty() && !firstFailure.isDone()) {
            CompletableFuture<Void> all = CompletableFuture.allOf(waitingFor.toArray(CompletableFuture[]::new));
            // A failure is the SDK's to report, from its own loop: only the wait ends here.
            CompletableFuture.anyOf(all, firstFailure).exceptionally(failure -> null).join();
            waitingFor = List.copyOf(pending.keySet());
        }
    }
}
