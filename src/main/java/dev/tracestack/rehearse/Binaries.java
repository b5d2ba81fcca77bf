package dev.tracestack.rehearse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real programs: the collector and Jaeger built from their Go modules by {@code e2e/build.sh}, and
 * Elasticsearch's test distribution unpacked by {@code ./mvnw verify}.
 *
 * @param collector        {@code otelcol-tracestack}
 * @param jaeger           Jaeger v2
 * @param esRollover       {@code jaeger-es-rollover}
 * @param elasticsearchHome the unpacked {@code elasticsearch-<version>} directory
 */
record Binaries(Path collector, Path jaeger, Path esRollover, Path elasticsearchHome) {

    /** The programs under {@code e2eDir} ({@code target/e2e}); fails naming every one that is missing. */
    static Binaries in(Path e2eDir, String elasticsearchVersion, boolean needsJaeger) {
        Path bin = e2eDir.resolve("bin");
        Binaries binaries = new Binaries(bin.resolve("otelcol-tracestack"), bin.resolve("jaeger"),
                bin.resolve("es-rollover"), e2eDir.resolve("elasticsearch-" + elasticsearchVersion));
        List<String> missing = new ArrayList<>();
        check(binaries.collector(), missing);
        if (needsJaeger) {
            check(binaries.jaeger(), missing);
            check(binaries.esRollover(), missing);
            check(binaries.elasticsearchHome().resolve("bin/elasticsearch"), missing);
        }
        if (!missing.isEmpty()) {
            throw new RehearsalException("missing " + String.join(", ", missing)
                    + " (build them with ./mvnw -B verify, or e2e/build.sh for the Go programs)");
        }
        return binaries;
    }

    private static void check(Path program, List<String> missing) {
        if (!Files.isExecutable(program)) {
            missing.add(program.toString());
        }
    }
}
