package dev.tracestack.plan;

import com.pulumi.deployment.internal.Runner;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SDK's task runner, made to wait for the program's tasks instead of polling for them.
 *
 * <p>The SDK runs a program asynchronously and, until every task it registered is done, re-submits a check of
 * the whole task set to the default executor, again and again. Where the common pool has fewer than two threads
 * (any machine with fewer than three cores), each re-submission is a new thread: a plan of the dev stack started
 * about 2,300 of them, kept a core busy and filled the young generation with their allocation buffers. This
 * runner holds the program's callback until every registered task has completed, or one has failed, by
 * blocking on the tasks themselves; the SDK's own loop then starts with nothing left to poll. Registration,
 * error handling and exit codes stay the SDK's: every call is passed on.
 */
final class AwaitingRunner implements Runner {

    private final Runner sdk;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

    AwaitingRunner(Runner sdk) {
        this.sdk = sdk;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.add(task);
        task.whenComplete((value, failure) -> {
            pending.remove(task);
            if (failure != null) {
                firstFailure.complete(null);
            }
        });
        sdk.registerTask(description, task);
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return sdk.runAsync(() -> {
            T value = callback.get();
            awaitTasks();
            return value;
        });
    }

    /** Returns once no registered task is pending, including those registered while waiting, or one failed. */
    private void awaitTasks() {
        List<CompletableFuture<?>> waitingFor = List.copyOf(pending);
        while (!waitingFor.isEmpty() && !firstFailure.isDone()) {
            CompletableFuture<Void> all = CompletableFuture.allOf(waitingFor.toArray(CompletableFuture[]::new));
            // A failure is the SDK's to report, from its own loop: only the wait ends here.
            CompletableFuture.anyOf(all, firstFailure).exceptionally(failure -> null).join();
            waitingFor = List.copyOf(pending);
        }
    }
}
