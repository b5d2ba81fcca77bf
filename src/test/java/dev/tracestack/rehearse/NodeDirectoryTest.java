package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch's directory: made where its account can reach it, owned by that account, holding the
 * distribution without changing it, refused with the way out where the account cannot reach it.
 */
class NodeDirectoryTest {

    @TempDir
    Path tmp;

    private Path distribution;
    private final ElasticsearchAccount nobody = new ElasticsearchAccount("nobody", 65534, 65534, true);

    @BeforeEach
    void aDistribution() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"), "giving files to another account needs root");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        distribution = Files.createDirectories(tmp.resolve("checkout/target/e2e/elasticsearch"));
        Files.createDirectories(distribution.resolve("bin"));
        Files.writeString(distribution.resolve("bin/elasticsearch"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(distribution.resolve("bin/elasticsearch"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(distribution.resolve("private.options"), "-Xss1m\n");
        Files.setPosixFilePermissions(distribution.resolve("private.options"), PosixFilePermissions.fromString("rw-------"));
    }

    private Map<String, String> tmpdir(Path dir) {
        return Map.of("TMPDIR", dir.toString());
    }

    @Test
    void theNodesDirectoryIsTheAccountsAloneAndHoldsTheDistributionUnchanged() throws Exception {
        Path tempRoot = Files.createDirectory(tmp.resolve("tmp root"));
        Files.setPosixFilePermissions(tempRoot, PosixFilePermissions.fromString("rwxrwxrwx"));
        NodeDirectory node = NodeDirectory.create(distribution, nobody, tmpdir(tempRoot));

        assertThat(node.root().getParent()).isEqualTo(tempRoot);
        assertThat(node.root().getFileName().toString()).startsWith(NodeDirectory.PREFIX + ProcessHandle.current().pid() + "-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.root()))).isEqualTo("rwx------");
        for (Path dir : new Path[] {node.root(), node.home(), node.home().resolve("bin"), node.conf(), node.data(), node.tmp()}) {
            assertThat(Files.getAttribute(dir, "unix:uid")).as(dir.toString()).isEqualTo(65534);
        }
        Path launcher = node.home().resolve("bin/elasticsearch");
        assertThat(Files.getAttribute(launcher, "unix:ino")).as("a readable file is hard-linked")
                .isEqualTo(Files.getAttribute(distribution.resolve("bin/elasticsearch"), "unix:ino"));
        assertThat(Files.getAttribute(distribution.resolve("bin/elasticsearch"), "unix:uid")).as("the original keeps its owner").isEqualTo(0);
        Path copied = node.home().resolve("private.options");
        assertThat(Files.getAttribute(copied, "unix:uid")).as("a file only its owner reads is copied for the account").isEqualTo(65534);
        assertThat(Files.readString(copied)).isEqualTo("-Xss1m\n");

        node.writeConfig("users", "");
        assertThat(Files.getAttribute(node.conf().resolve("users"), "unix:uid")).isEqualTo(65534);

        node.delete();
        assertThat(node.root()).doesNotExist();
        assertThat(distribution.resolve("bin/elasticsearch")).exists();
    }

    @Test
    void aTemporaryRootUnderADirectoryOnlyItsOwnerCanEnterIsRefusedNamingTheDirectoryTheAccountAndTheWayOut() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Path tempRoot = Files.createDirectory(locked.resolve("tmp"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> NodeDirectory.create(distribution, nobody, tmpdir(tempRoot)))
                .isInstanceOf(RehearsalException.class)
                .hasMessageStartingWith("Elasticsearch runs as nobody (uid 65534), which cannot enter " + locked + " (mode 0700")
                .hasMessageContaining("on the way to " + tempRoot)
                .hasMessageContaining("set TMPDIR to a directory that nobody can enter")
                .hasMessageContaining("or set TRACESTACK_ELASTICSEARCH_USER");
        assertThat(tempRoot).isEmptyDirectory();
    }

    @Test
    void aTemporaryRootThatIsNoDirectoryIsRefused() {
        assertThatThrownBy(() -> NodeDirectory.create(distribution, nobody, tmpdir(tmp.resolve("missing"))))
                .hasMessageStartingWith("the temporary directory " + tmp.resolve("missing") + ", where Elasticsearch's home,"
                        + " config and data go, is not a directory; set TMPDIR");
    }

    @Test
    void aDirectoryLeftByARunWhoseProcessIsGoneIsRemovedAndALiveRunsIsKept() throws Exception {
        Path tempRoot = Files.createDirectory(tmp.resolve("shared tmp"));
        Files.setPosixFilePermissions(tempRoot, PosixFilePermissions.fromString("rwxrwxrwx"));
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        Path leftover = Files.createDirectory(tempRoot.resolve(NodeDirectory.PREFIX + gone + "-1f"));
        Path live = Files.createDirectory(tempRoot.resolve(NodeDirectory.PREFIX + ProcessHandle.current().pid() + "-2e"));

        NodeDirectory node = NodeDirectory.create(distribution, nobody, tmpdir(tempRoot));

        assertThat(leftover).doesNotExist();
        assertThat(live).exists();
        node.delete();
    }

    @Test
    void withoutTmpdirTheJvmsTemporaryDirectoryIsUsed() {
        assertThat(NodeDirectory.tempRoot(Map.of())).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        assertThat(NodeDirectory.tempRoot(Map.of("TMPDIR", " "))).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
    }
}
