package dev.tracestack.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a directory so that readers see the earlier one whole, nothing for an instant, or the new one whole,
 * never a mix: the files go into a temporary sibling ({@code .<name>.writing-<pid>-<nonce>}) that is renamed
 * into place. Two writers at once each rename a whole directory; the last one stays. A writer killed midway
 * leaves only its temporary sibling, which the next writer removes once its process is gone.
 */
final class AtomicDirectory {

    /** A temporary sibling: one being written, or an earlier directory moved aside to be deleted. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(?:writing|replaced)-(\\d+)-[0-9a-f-]+");
    /** Renames that another writer can undo in between; far more than two writers ever need. */
    private static final int ATTEMPTS = 100;

    private AtomicDirectory() {
    }

    /** Replaces {@code target} with a directory holding exactly {@code files} (relative path to text). */
    static void replace(Path target, Map<String, String> files) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        String name = dir.getFileName().toString();
        Files.createDirectories(parent);
        removeAbandoned(parent, name);
        Path staging = sibling(parent, name, "writing");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            moveIntoPlace(staging, dir, parent, name);
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * A rename onto a directory that exists fails (unless it is empty), so the directory in the way is first
     * renamed aside and deleted; another writer may put its own in place between the two renames, hence
     * the retries.
     */
    private static void moveIntoPlace(Path staging, Path dir, Path parent, String name) throws IOException {
        FileSystemException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException notAtomic) {
                throw notAtomic;
            } catch (FileSystemException inTheWay) {
                last = inTheWay;
                if (!Files.exists(dir)) {
                    continue;
                }
                Path aside = sibling(parent, name, "replaced");
                try {
                    Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException movedByAnotherWriter) {
                    continue;
                }
                deleteRecursively(aside);
            }
        }
        throw new IOException("cannot move " + staging + " into place at " + dir + " (" + ATTEMPTS + " attempts)", last);
    }

    private static Path sibling(Path parent, String name, String purpose) {
        return parent.resolve("." + name + "." + purpose + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    }

    /** Temporary siblings of {@code name} whose writing process no longer runs. */
    private static void removeAbandoned(Path parent, String name) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path entry : entries.toList()) {
                Matcher temporary = TEMPORARY.matcher(entry.getFileName().toString());
                if (temporary.matches() && temporary.group(1).equals(name) && !running(Long.parseLong(temporary.group(2)))) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a tree; what is already gone (another writer removed it) is not an error. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException | UncheckedIOException goneMeanwhile) {
            if (Files.exists(dir)) {
                throw goneMeanwhile;
            }
        }
    }
}
