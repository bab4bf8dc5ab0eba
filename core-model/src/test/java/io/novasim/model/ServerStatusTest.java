package io.novasim.model;

import io.novasim.model.server.ServerStatus;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** nova-semantics.md §2.2, row by row. */
class ServerStatusTest {
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "None", value = {
            "active, None, ACTIVE",
            "active, rebooting, REBOOT",
            "active, reboot_pending, REBOOT",
            "active, reboot_started, REBOOT",
            "active, rebooting_hard, HARD_REBOOT",
            "active, reboot_pending_hard, HARD_REBOOT",
            "active, reboot_started_hard, HARD_REBOOT",
            "active, updating_password, PASSWORD",
            "active, rebuilding, REBUILD",
            "active, rebuild_spawning, REBUILD",
            "active, migrating, MIGRATING",
            "active, resize_prep, RESIZE",
            "active, resize_finish, RESIZE",
            "active, powering-off, ACTIVE",
            "active, image_snapshot, ACTIVE",
            "active, deleting, ACTIVE",
            "building, scheduling, BUILD",
            "building, spawning, BUILD",
            "stopped, None, SHUTOFF",
            "stopped, powering-on, SHUTOFF",
            "stopped, resize_migrating, RESIZE",
            "stopped, rebuild_block_device_mapping, REBUILD",
            "resized, None, VERIFY_RESIZE",
            "resized, resize_reverting, REVERT_RESIZE",
            "paused, None, PAUSED",
            "paused, migrating, MIGRATING",
            "suspended, resuming, SUSPENDED",
            "rescued, unrescuing, RESCUE",
            "error, None, ERROR",
            "error, rebuilding, REBUILD",
            "deleted, None, DELETED",
            "soft-delete, restoring, SOFT_DELETED",
            "shelved, shelving_offloading, SHELVED",
            "shelved_offloaded, unshelving, SHELVED_OFFLOADED"})
    void statusIsDerivedFromVmStateAndTaskState(String vm, String task, ServerStatus expected) {
        assertThat(ServerStatus.of(VmState.fromValue(vm), TaskState.fromValue(task))).isEqualTo(expected);
    }
}
