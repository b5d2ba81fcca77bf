package dev.tracestack.rehearse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the kernel's mount table says of a path's filesystem ({@code /proc/self/mountinfo}). */
final class Mounts {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Mounts() {
    }

    /** Whether {@code path} sits on a filesystem mounted {@code noexec}; false where there is no mount table to read. */
    static boolean noexec(Path path) {
        try {
            return Files.isReadable(MOUNTINFO) && noexec(path.toRealPath(), Files.readAllLines(MOUNTINFO));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * From mountinfo's lines (fields: id, parent, device, root, mount point, options, ...): the options of the
     * mount point nearest above {@code path}.
     */
    static boolean noexec(Path path, List<String> mountinfo) {
        String best = null;
        boolean noexec = false;
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            if (path.startsWith(Path.of(mountPoint)) && (best == null || mountPoint.length() >= best.length())) {
                best = mountPoint;
                noexec = Arrays.asList(fields[5].split(",")).contains("noexec");
            }
        }
        return noexec;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
