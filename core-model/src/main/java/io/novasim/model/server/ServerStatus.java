package io.novasim.model.server;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code status} field of a server: never stored, always derived from vm_state and task_state as Nova's
 * {@code nova/api/openstack/common.py::_STATE_MAP} does.
 */
public enum ServerStatus {
    ACTIVE, BUILD, REBOOT, HARD_REBOOT, PASSWORD, REBUILD, MIGRATING, RESIZE, SHUTOFF, VERIFY_RESIZE, REVERT_RESIZE,
    PAUSED, SUSPENDED, RESCUE, ERROR, DELETED, SOFT_DELETED, SHELVED, SHELVED_OFFLOADED, UNKNOWN;

    private static final Map<VmState, ServerStatus> DEFAULTS = new EnumMap<>(VmState.class);
    private static final Map<VmState, Map<TaskState, ServerStatus>> OVERRIDES = new EnumMap<>(VmState.class);

    static {
        DEFAULTS.put(VmState.ACTIVE, ACTIVE);
        DEFAULTS.put(VmState.BUILDING, BUILD);
        DEFAULTS.put(VmState.STOPPED, SHUTOFF);
        DEFAULTS.put(VmState.RESIZED, VERIFY_RESIZE);
        DEFAULTS.put(VmState.PAUSED, PAUSED);
        DEFAULTS.put(VmState.SUSPENDED, SUSPENDED);
        DEFAULTS.put(VmState.RESCUED, RESCUE);
        DEFAULTS.put(VmState.ERROR, ERROR);
        DEFAULTS.put(VmState.DELETED, DELETED);
        DEFAULTS.put(VmState.SOFT_DELETED, SOFT_DELETED);
        DEFAULTS.put(VmState.SHELVED, SHELVED);
        DEFAULTS.put(VmState.SHELVED_OFFLOADED, SHELVED_OFFLOADED);

        override(VmState.ACTIVE, REBOOT, TaskState.REBOOTING, TaskState.REBOOT_PENDING, TaskState.REBOOT_STARTED);
        override(VmState.ACTIVE, HARD_REBOOT,
                TaskState.REBOOTING_HARD, TaskState.REBOOT_PENDING_HARD, TaskState.REBOOT_STARTED_HARD);
        override(VmState.ACTIVE, PASSWORD, TaskState.UPDATING_PASSWORD);
        override(VmState.ACTIVE, REBUILD,
                TaskState.REBUILDING, TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING);
        override(VmState.ACTIVE, MIGRATING, TaskState.MIGRATING);
        override(VmState.ACTIVE, RESIZE,
                TaskState.RESIZE_PREP, TaskState.RESIZE_MIGRATING, TaskState.RESIZE_MIGRATED, TaskState.RESIZE_FINISH);
        override(VmState.STOPPED, RESIZE,
                TaskState.RESIZE_PREP, TaskState.RESIZE_MIGRATING, TaskState.RESIZE_MIGRATED, TaskState.RESIZE_FINISH);
        override(VmState.STOPPED, REBUILD,
                TaskState.REBUILDING, TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING);
        override(VmState.RESIZED, REVERT_RESIZE, TaskState.RESIZE_REVERTING);
        override(VmState.PAUSED, MIGRATING, TaskState.MIGRATING);
        override(VmState.ERROR, REBUILD,
                TaskState.REBUILDING, TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING);
    }

    private static void override(VmState vm, ServerStatus status, TaskState... tasks) {
        Map<TaskState, ServerStatus> byTask = OVERRIDES.computeIfAbsent(vm, k -> new EnumMap<>(TaskState.class));
        for (TaskState task : tasks) {
            byTask.put(task, status);
        }
    }

    public static ServerStatus of(VmState vmState, TaskState taskState) {
        Map<TaskState, ServerStatus> byTask = OVERRIDES.get(vmState);
        if (byTask != null) {
            ServerStatus overridden = byTask.get(taskState);
            if (overridden != null) {
                return overridden;
            }
        }
        return DEFAULTS.getOrDefault(vmState, UNKNOWN);
    }
}
