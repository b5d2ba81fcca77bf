package dev.tracestack.engine;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A logger of a test's own, at every level, handing each record to the test: how a test sees what the SDK logs. */
final class CapturingLogger {

    private CapturingLogger() {
    }

    static Logger of(Consumer<LogRecord> sink) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINEST);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                sink.accept(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }
}
