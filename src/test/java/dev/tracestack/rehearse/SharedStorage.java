package dev.tracestack.rehearse;

import dev.tracestack.testing.E2ePrograms;
import java.nio.file.Path;

/**
 * One Elasticsearch for every integration test of the JVM, started by the first that needs it and
 * stopped when the JVM exits (the storage's processes stop on shutdown). Each user writes under an index
 * prefix of its own.
 */
final class SharedStorage {

    private static JaegerStorage storage;

    private SharedStorage() {
    }

    static synchronized JaegerStorage get() {
        if (storage == null) {
            storage = JaegerStorage.start(E2ePrograms.elasticsearchHome(System.getProperty("elasticsearch.version", "8.19.3")),
                    Path.of("target", "e2e-elasticsearch").toAbsolutePath(), true);
        }
        return storage;
    }
}
