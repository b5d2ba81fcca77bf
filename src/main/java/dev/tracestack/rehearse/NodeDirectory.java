package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where an Elasticsearch node's home, config, data and temporary files go: a directory of its own under the
 * temporary root ({@code TMPDIR}, else {@code java.io.tmpdir}), mode 0700 and owned by the account Elasticsearch
 * runs as. The account then needs to reach nothing of the checkout's, which may sit under a directory only its
 * owner can enter. The distribution is hard-linked into it where it can be (same filesystem, readable by
 * everyone), copied otherwise; the directory is deleted when the node stops, and one a killed run left behind is
 * deleted by the next.
 */
final class NodeDirectory {

    static final String PREFIX = "tracestack-elasticsearch-";
    private static final int READ_BY_OTHERS = 04;

    private final Path root;
    private final ElasticsearchAccount account;

    private NodeDirectory(Path root, ElasticsearchAccount account) {
        this.root = root;
        this.account = account;
    }

    /**
     * Makes the directory for {@code account}, with {@code distribution} inside as {@code home}; fails before
     * anything is made when the temporary root does not suit, naming the path, the account and the way out.
     */
    static NodeDirectory create(Path distribution, ElasticsearchAccount account, Map<String, String> environment) {
        Path tempRoot = tempRoot(environment);
        check(tempRoot, account);
        removeLeftovers(tempRoot);
        Path root = tempRoot.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE));
        try {
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            NodeDirectory node = new NodeDirectory(root, account);
            node.own(root);
            node.mirror(distribution, node.home());
            for (Path dir : List.of(node.conf(), node.data(), node.logs(), node.tmp())) {
                Files.createDirectories(dir);
                node.own(dir);
            }
            return node;
        } catch (IOException e) {
            RehearsalLayout.deleteRecursively(root);
            throw new UncheckedIOException("cannot prepare Elasticsearch's directory " + root, e);
        }
    }

    /** {@code TMPDIR} when set, else the JVM's temporary directory. */
    static Path tempRoot(Map<String, String> environment) {
        String tmpdir = environment.getOrDefault("TMPDIR", "");
        return Path.of(tmpdir.isBlank() ? System.getProperty("java.io.tmpdir") : tmpdir).toAbsolutePath().normalize();
    }

    /** Fails, naming the way out, when Elasticsearch could not live under {@code tempRoot} as {@code account}. */
    static void check(Path tempRoot, ElasticsearchAccount account) {
        String wayOut = "; set TMPDIR to a directory that " + account.name() + " can enter, on a filesystem that allows"
                + " programs to run (for example /var/tmp)"
                + (account.switched() ? ", or set " + ElasticsearchAccount.ACCOUNT_VARIABLE + " to an account that can enter it" : "");
        if (!Files.isDirectory(tempRoot)) {
            throw new RehearsalException("the temporary directory " + tempRoot + ", where Elasticsearch's home, config and data"
                    + " go, is not a directory" + wayOut);
        }
        if (!Files.isWritable(tempRoot)) {
            throw new RehearsalException("the temporary directory " + tempRoot + ", where Elasticsearch's home, config and data"
                    + " go, is not writable by " + System.getProperty("user.name") + wayOut);
        }
        Optional<String> blocked = PathAccess.blockedAt(tempRoot, account.uid(), account.gid());
        if (blocked.isPresent()) {
            throw new RehearsalException("Elasticsearch runs as " + account + ", which cannot enter " + blocked.get()
                    + " on the way to " + tempRoot + ", where its home, config and data go" + wayOut);
        }
        if (Mounts.noexec(tempRoot)) {
            throw new RehearsalException("the temporary directory " + tempRoot + " is on a filesystem mounted noexec, and"
                    + " Elasticsearch runs its programs and native libraries from there" + wayOut);
        }
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    /** Writes a file of the node's config directory, owned by the account, which reads it and may rewrite it. */
    void writeConfig(String name, String content) {
        Path file = conf().resolve(name);
        try {
            Files.writeString(file, content);
            own(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Copies a file of the distribution's config into the node's config directory. */
    void copyConfig(String name) {
        try {
            writeConfig(name, Files.readString(home().resolve("config").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the distribution's " + name, e);
        }
    }

    /** Deletes the directory and everything in it (hard links leave the distribution as it was). */
    void delete() {
        RehearsalLayout.deleteRecursively(root);
    }

    private void mirror(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    own(target);
                } else if (!linked(source, target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    own(target);
                }
            }
        }
    }

    private static boolean linked(Path source, Path target) throws IOException {
        if (((Integer) Files.getAttribute(source, "unix:mode") & READ_BY_OTHERS) == 0) {
            return false;
        }
        try {
            Files.createLink(target, source);
            return true;
        } catch (FileSystemException otherFilesystem) {
            return false;
        }
    }

    private void own(Path path) throws IOException {
        if (account.switched()) {
            Files.setAttribute(path, "unix:uid", account.uid());
            Files.setAttribute(path, "unix:gid", account.gid());
        }
    }

    /** Deletes the directories of runs whose process is gone. */
    private static void removeLeftovers(Path tempRoot) {
        try (Stream<Path> entries = Files.list(tempRoot)) {
            entries.filter(path -> path.getFileName().toString().startsWith(PREFIX))
                    .filter(path -> ownerGone(path.getFileName().toString().substring(PREFIX.length())))
                    .forEach(RehearsalLayout::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tempRoot, e);
        }
    }

    private static boolean ownerGone(String pidAndSuffix) {
        int dash = pidAndSuffix.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? pidAndSuffix : pidAndSuffix.substring(0, dash));
            return ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }
}
