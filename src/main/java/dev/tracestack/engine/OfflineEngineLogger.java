package dev.tracestack.engine;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's engine logger, minus the debug messages the mock engine would throw away.
 *
 * <p>The SDK logs four debug messages for every resource it registers and sends each to the engine as a task of
 * its own: chained with {@code thenComposeAsync}, which on a machine with fewer than three cores starts a thread
 * per message, and registered with the runner. The mock engine keeps only errors, so offline these messages cost
 * a thread each and reach nobody. This logger drops them before they are sent, and so before they are printed,
 * which only a run given a standard logger at {@link Level#FINEST} would do (the SDK's default offline logger is
 * at {@code INFO}), and passes everything else, errors included, to the SDK's logger.
 */
final class OfflineEngineLogger implements EngineLogger {

    private final EngineLogger sdk;

    OfflineEngineLogger(EngineLogger sdk) {
        this.sdk = sdk;
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                            Boolean ephemeral) {
        if (level == Level.FINEST) {
            return CompletableFuture.completedFuture(null);
        }
        return sdk.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, Resource resource, Integer streamId,
                                              Boolean ephemeral) {
        return logAsync(Level.FINEST, message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, Resource resource, Integer streamId,
                                             Boolean ephemeral) {
        return sdk.infoAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, Resource resource, Integer streamId,
                                             Boolean ephemeral) {
        return sdk.warnAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, Resource resource, Integer streamId,
                                              Boolean ephemeral) {
        return sdk.errorAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return sdk.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return sdk.hasLoggedErrors();
    }
}
