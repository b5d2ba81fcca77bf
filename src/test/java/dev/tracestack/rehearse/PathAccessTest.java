package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether an account can reach a directory follows the owner, group and other bits of every parent. */
class PathAccessTest {

    private static final int NOBODY = 65534;

    @TempDir
    Path tmp;

    @BeforeEach
    void aTemporaryDirectoryEveryoneCanEnter() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path inner(String outerMode) throws Exception {
        Path outer = Files.createDirectory(tmp.resolve("outer dir"));
        Path inner = Files.createDirectories(outer.resolve("checkout/target"));
        Files.setPosixFilePermissions(outer, PosixFilePermissions.fromString(outerMode));
        return inner;
    }

    private int owner() throws Exception {
        return (Integer) Files.getAttribute(tmp, "unix:uid");
    }

    private int group() throws Exception {
        return (Integer) Files.getAttribute(tmp, "unix:gid");
    }

    @Test
    void aParentOnlyItsOwnerCanEnterBlocksAnyOtherAccountAndIsNamedWithItsModeAndOwner() throws Exception {
        Path inner = inner("rwx------");
        assertThat(PathAccess.blockedAt(inner, NOBODY, NOBODY))
                .contains(tmp.resolve("outer dir") + " (mode 0700, owner uid " + owner() + ", group gid " + group() + ")");
        assertThat(PathAccess.blockedAt(inner, owner(), group())).isEmpty();
    }

    @Test
    void searchForOthersIsEnoughWithoutRead() throws Exception {
        assertThat(PathAccess.blockedAt(inner("rwx-----x"), NOBODY, NOBODY)).isEmpty();
    }

    @Test
    void theGroupBitsDecideForAMemberOfTheGroupAndTheOthersBitsDoNotHelpIt() throws Exception {
        Path inner = inner("rwx---r-x");
        assertThat(PathAccess.blockedAt(inner, NOBODY, NOBODY)).isEmpty();
        assertThat(PathAccess.blockedAt(inner, NOBODY, group())).isPresent();
    }

    @Test
    void aFileOnTheWayIsNotADirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "");
        assertThat(PathAccess.blockedAt(file.resolve("below"), NOBODY, NOBODY)).contains(file + " (not a directory)");
    }
}
