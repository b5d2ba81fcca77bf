package dev.tracestack.rehearse;

import dev.tracestack.testing.E2ePrograms;
import java.nio.file.Path;

/**
 * One Elasticsearch for every integration test of the JVM, started by the first that needs it and
 * stopped when the JVM exits (the storage's processes stop on shutdown). Each user writes under an index
 * prefix of its own.
 */
final class SharedStorage {

    /**
     * The lock of the {@code prod} index prefix, which prod's rehearsal and {@code ElasticsearchRolesIT} both use:
     * a rehearsal deletes its prefix's indices before its init, so the two must not run at once.
     */
    static final String PROD_PREFIX = "elasticsearch-prefix-prod";

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
