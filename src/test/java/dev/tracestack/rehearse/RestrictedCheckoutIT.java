package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.testing.E2ePrograms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkout in a directory only its owner can enter (mode 0700: most home directories, {@code /root},
 * {@code mktemp -d}), with a space in its path: Elasticsearch, which must not run as root, still starts with
 * security on, takes a user from its own tool, and leaves nothing behind.
 */
class RestrictedCheckoutIT {

    @TempDir
    Path tmp;

    @Test
    void elasticsearchStartsFromACheckoutUnderADirectoryOnlyItsOwnerCanEnter() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("only owner"));
        Path checkout = Files.createDirectories(locked.resolve("my checkout"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Path home = copy(E2ePrograms.elasticsearchHome(System.getProperty("elasticsearch.version", "8.19.3")),
                checkout.resolve("target/e2e/elasticsearch"));

        Path nodeDirectory;
        try (JaegerStorage storage = JaegerStorage.start(home, checkout.resolve("target/e2e-elasticsearch"), true)) {
            ElasticsearchNode node = storage.node();
            nodeDirectory = node.directory().root();
            assertThat(node.send("GET", "/_cluster/health", null).statusCode()).isEqualTo(200);

            // The tool adds to the file realm's files and refuses to start without them, as FileRealm has them.
            node.writeConfig("users", "");
            node.writeConfig("users_roles", "");
            node.tool("elasticsearch-users", List.of("useradd", "restricted-reader", "-p", "reader-password", "-r", "viewer"));
            assertThat(awaitSignIn(node)).as("a user added by the distribution's tool signs in").isEqualTo(200);
        }
        assertThat(nodeDirectory).as("the node's directory is deleted when it stops").doesNotExist();
    }

    private static int awaitSignIn(ElasticsearchNode node) {
        int status = 0;
        // The file realm is reloaded every 5 s.
        for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
            status = node.sendAs("restricted-reader", "reader-password", "GET", "/_security/_authenticate", null).statusCode();
            ChildProcesses.sleep(Duration.ofMillis(500));
        }
        return status;
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            Files.createDirectories(to.getParent());
            for (Path source : (Iterable<Path>) paths::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
