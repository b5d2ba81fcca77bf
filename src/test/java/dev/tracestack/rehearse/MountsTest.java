package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A path's filesystem is the nearest mount point above it, and its options say whether programs may run there. */
class MountsTest {

    private static final List<String> MOUNTINFO = List.of(
            "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
            "30 22 0:26 / /tmp rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw",
            "31 30 0:27 / /tmp/build\\040space rw,relatime shared:6 - tmpfs tmpfs rw",
            "32 22 0:28 / /tmpfiles rw,noexec shared:7 - tmpfs tmpfs rw");

    @Test
    void aPathUnderANoexecMountIsNoexec() {
        assertThat(Mounts.noexec(Path.of("/tmp/x/y"), MOUNTINFO)).isTrue();
        assertThat(Mounts.noexec(Path.of("/tmp"), MOUNTINFO)).isTrue();
    }

    @Test
    void theNearestMountDecidesEvenWhenItsNameHasAnEscapedSpace() {
        assertThat(Mounts.noexec(Path.of("/tmp/build space/es"), MOUNTINFO)).isFalse();
    }

    @Test
    void aMountWhoseNameMerelyStartsTheSameIsNotAParent() {
        assertThat(Mounts.noexec(Path.of("/tmpx/es"), MOUNTINFO)).isFalse();
        assertThat(Mounts.noexec(Path.of("/var/tmp"), MOUNTINFO)).isFalse();
    }
}
