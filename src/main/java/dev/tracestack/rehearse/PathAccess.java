package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether an account can reach a directory, read from the modes and owners of the directory and each of its
 * parents (a root process's own checks say nothing: root passes them all).
 */
final class PathAccess {

    private static final int SEARCH_BY_OWNER = 0100;
    private static final int SEARCH_BY_GROUP = 010;
    private static final int SEARCH_BY_OTHERS = 01;

    private PathAccess() {
    }

    /**
     * The first directory from the root down to {@code directory} that the account cannot enter, described with
     * its mode and owner, or empty when it can reach {@code directory}.
     */
    static Optional<String> blockedAt(Path directory, int uid, int gid) {
        Path path = directory.toAbsolutePath().normalize();
        for (int depth = 0; depth <= path.getNameCount(); depth++) {
            Path step = depth == 0 ? path.getRoot() : path.getRoot().resolve(path.subpath(0, depth));
            if (!Files.isDirectory(step)) {
                return Optional.of(step + " (not a directory)");
            }
            int mode = attribute(step, "unix:mode");
            int owner = attribute(step, "unix:uid");
            int group = attribute(step, "unix:gid");
            boolean searchable = owner == uid ? (mode & SEARCH_BY_OWNER) != 0
                    : group == gid ? (mode & SEARCH_BY_GROUP) != 0
                    : (mode & SEARCH_BY_OTHERS) != 0;
            if (!searchable) {
                return Optional.of(step + " (mode " + String.format("%04o", mode & 07777) + ", owner uid " + owner
                        + ", group gid " + group + ")");
            }
        }
        return Optional.empty();
    }

    private static int attribute(Path path, String name) {
        try {
            return (Integer) Files.getAttribute(path, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + " of " + path, e);
        }
    }
}
