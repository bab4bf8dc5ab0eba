package io.novasim.state.rules;

import io.novasim.model.server.PowerState;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.novasim.model.server.TaskState.*;
import static io.novasim.model.server.VmState.*;

/**
 * The server lifecycle of nova-semantics.md §2.4 as one table a program can enumerate (a diagram or a teaching page
 * reads it; the engine obeys it). Sources: {@code nova/compute/api.py} decorators and {@code nova/compute/manager.py}.
 */
public final class TransitionTable {
    private static final Set<TaskState> IDLE = EnumSet.of(NONE);
    private static final Set<VmState> ANY_VM = null;
    private static final Set<TaskState> ANY_TASK = null;

    /**
     * The operations whose compute API method is decorated {@code @check_instance_host()}. Resize's decorator sits
     * inside its state check, so Nova checks its host after the states; a server on no host in a state resize takes
     * (only a reset state makes one) is the one case where the order shows.
     */
    private static final Set<Operation> CHECK_HOST = EnumSet.of(Operation.STOP, Operation.START,
            Operation.TRIGGER_CRASH_DUMP, Operation.RESIZE, Operation.MIGRATE);

    /** Where Nova's API does not catch InstanceInvalidState: deferred_delete.py's forceDelete. */
    private static final Set<Operation> STATE_REFUSAL_UNEXPECTED = EnumSet.of(Operation.FORCE_DELETE);

    private static final Map<Operation, TransitionRule> RULES = new EnumMap<>(Operation.class);

    static {
        // operation, action (409 text), instance action, compute event, lock?, admin policy,
        // vm_states, task_states, launched?, phases, end vm, end power, vm on failure
        add(Operation.CREATE, "create", "create", "compute__do_build_and_run_instance", false, null,
                ANY_VM, ANY_TASK, false, List.of(SCHEDULING, BLOCK_DEVICE_MAPPING, NETWORKING, SPAWNING),
                ACTIVE, PowerState.RUNNING, ERROR);
        add(Operation.DELETE, "delete", "delete", "compute_terminate_instance", true, null,
                ANY_VM, ANY_TASK, false, List.of(DELETING), DELETED, PowerState.NOSTATE, null);
        add(Operation.STOP, "stop", "stop", "compute_stop_instance", true, null,
                EnumSet.of(ACTIVE, ERROR), IDLE, true, List.of(POWERING_OFF), STOPPED, PowerState.SHUTDOWN, null);
        add(Operation.START, "start", "start", "compute_start_instance", true, null,
                EnumSet.of(STOPPED), IDLE, true, List.of(POWERING_ON), ACTIVE, PowerState.RUNNING, null);
        add(Operation.REBOOT_SOFT, "reboot", "reboot", "compute_reboot_instance", true, null,
                EnumSet.of(ACTIVE), IDLE, true, List.of(REBOOTING, REBOOT_PENDING, REBOOT_STARTED),
                ACTIVE, PowerState.RUNNING, null);
        // A hard reboot may interrupt a soft reboot or a pause/suspend/resume in flight (task_states.ALLOW_REBOOT).
        add(Operation.REBOOT_HARD, "reboot", "reboot", "compute_reboot_instance", true, null,
                EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED, ERROR),
                EnumSet.of(NONE, REBOOTING, REBOOT_PENDING, REBOOT_STARTED, RESUMING, REBOOTING_HARD, UNPAUSING,
                        PAUSING, SUSPENDING),
                true, List.of(REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD),
                ACTIVE, PowerState.RUNNING, null);
        add(Operation.PAUSE, "pause", "pause", "compute_pause_instance", true, null,
                EnumSet.of(ACTIVE), IDLE, true, List.of(PAUSING), PAUSED, PowerState.PAUSED, null);
        add(Operation.UNPAUSE, "unpause", "unpause", "compute_unpause_instance", true, null,
                EnumSet.of(PAUSED), IDLE, true, List.of(UNPAUSING), ACTIVE, PowerState.RUNNING, null);
        add(Operation.SUSPEND, "suspend", "suspend", "compute_suspend_instance", true, null,
                EnumSet.of(ACTIVE), IDLE, true, List.of(SUSPENDING), SUSPENDED, PowerState.SUSPENDED, null);
        add(Operation.RESUME, "resume", "resume", "compute_resume_instance", true, null,
                EnumSet.of(SUSPENDED), IDLE, true, List.of(RESUMING), ACTIVE, PowerState.RUNNING, null);
        add(Operation.RESCUE, "rescue", "rescue", "compute_rescue_instance", true, null,
                EnumSet.of(ACTIVE, STOPPED, ERROR), IDLE, true, List.of(RESCUING), RESCUED, PowerState.RUNNING, null);
        add(Operation.UNRESCUE, "unrescue", "unrescue", "compute_unrescue_instance", true, null,
                EnumSet.of(RESCUED), IDLE, true, List.of(UNRESCUING), ACTIVE, PowerState.RUNNING, null);
        add(Operation.SHELVE, "shelve", "shelve", "compute_shelve_instance", true, null,
                EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED), IDLE, true,
                List.of(SHELVING, SHELVING_IMAGE_PENDING_UPLOAD, SHELVING_IMAGE_UPLOADING),
                SHELVED, PowerState.SHUTDOWN, null);
        add(Operation.SHELVE_OFFLOAD, "shelveOffload", "shelveOffload", "compute_shelve_offload_instance", true, null,
                EnumSet.of(SHELVED), IDLE, true, List.of(SHELVING_OFFLOADING),
                SHELVED_OFFLOADED, PowerState.SHUTDOWN, null);
        add(Operation.UNSHELVE, "unshelve", "unshelve", "compute_unshelve_instance", true, null,
                EnumSet.of(SHELVED, SHELVED_OFFLOADED), IDLE, true, List.of(UNSHELVING, SPAWNING),
                ACTIVE, PowerState.RUNNING, null);
        // DELETE when reclaim_instance_interval is set and the server has run: the API's soft_delete. The libvirt
        // driver powers the guest off; the instance action is Nova's 'delete'.
        add(Operation.SOFT_DELETE, "soft_delete", "delete", "compute_soft_delete_instance", true, null,
                ANY_VM, ANY_TASK, true, List.of(SOFT_DELETING), SOFT_DELETED, PowerState.SHUTDOWN, null);
        add(Operation.RESTORE, "restore", "restore", "compute_restore_instance", true, null,
                EnumSet.of(SOFT_DELETED), IDLE, true, List.of(RESTORING), ACTIVE, PowerState.RUNNING, null);
        add(Operation.FORCE_DELETE, "force_delete", "delete", "compute_terminate_instance", true, null,
                ANY_VM, IDLE, false, List.of(DELETING), DELETED, PowerState.NOSTATE, null);
        // A stopped server is stopped again once rebuilt; one in error comes back active (compute/manager.py).
        add(Operation.REBUILD, "rebuild", "rebuild", "compute_rebuild_instance", true, null,
                EnumSet.of(ACTIVE, STOPPED, ERROR), IDLE, true,
                List.of(REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING, REBUILD_SPAWNING), ACTIVE, PowerState.RUNNING, ERROR);
        // Nova checks no lock here: a lock guards against changes, and a snapshot changes nothing of the server.
        add(Operation.CREATE_IMAGE, "createImage", "createImage", "compute_snapshot_instance", false, null,
                EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED), IDLE, true,
                List.of(IMAGE_SNAPSHOT_PENDING, IMAGE_SNAPSHOT, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING), null, null, null);
        add(Operation.CREATE_BACKUP, "createBackup", "createBackup", "compute_backup_instance", false, null,
                EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED), IDLE, true,
                List.of(IMAGE_BACKUP, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING), null, null, null);
        // The flavor changes when the resize finishes; the server then waits in resized (VERIFY_RESIZE). Its events
        // follow the compute host's steps: compute_prep_resize, compute_resize_instance, compute_finish_resize.
        add(Operation.RESIZE, "resize", "resize", "compute_prep_resize", true, null, EnumSet.of(ACTIVE, STOPPED),
                IDLE, true, List.of(RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH), RESIZED, null,
                null);
        // Nova's API sets no task_state for a confirm: the server shows VERIFY_RESIZE until the host is done, and
        // ends stopped when it was powered off.
        add(Operation.CONFIRM_RESIZE, "confirmResize", "confirmResize", "compute_confirm_resize", true, null,
                EnumSet.of(RESIZED), IDLE, true, List.of(NONE), ACTIVE, null, ERROR);
        // A revert goes back to the flavor and the vm_state the server had before the resize.
        add(Operation.REVERT_RESIZE, "revertResize", "revertResize", "compute_revert_resize", true, null,
                EnumSet.of(RESIZED), IDLE, true, List.of(RESIZE_REVERTING), ACTIVE, PowerState.RUNNING, ERROR);
        // A cold migration is a resize that keeps the flavor and must change host (libvirt cannot migrate in place).
        add(Operation.MIGRATE, "migrate", "migrate", "compute_prep_resize", true, AdminPolicy.MIGRATE,
                EnumSet.of(ACTIVE, STOPPED), IDLE, true,
                List.of(RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH), RESIZED, null, null);
        // Evacuate rebuilds the server elsewhere when its host is down; any task_state (compute/api.py evacuate).
        add(Operation.EVACUATE, "evacuate", "evacuate", "compute_rebuild_instance", false, AdminPolicy.EVACUATE,
                EnumSet.of(ACTIVE, STOPPED, ERROR), ANY_TASK, true,
                List.of(REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING, REBUILD_SPAWNING), ACTIVE, PowerState.RUNNING, null);
        // The guest keeps running: the vm_state stays, the host changes. Two steps: the scheduler's choice, the move.
        add(Operation.LIVE_MIGRATE, "os-migrateLive", "live-migration", "compute_live_migration", true,
                AdminPolicy.MIGRATE_LIVE, EnumSet.of(ACTIVE, PAUSED), IDLE, true, List.of(MIGRATING, MIGRATING),
                null, null, null);
        // set_admin_password: an RPC call, so Nova answers once the password is set (see Timings)
        add(Operation.CHANGE_PASSWORD, "changePassword", "changePassword", "compute_set_admin_password", true, null,
                EnumSet.of(ACTIVE), IDLE, true, List.of(UPDATING_PASSWORD), ACTIVE, PowerState.RUNNING, null);
        // a cast that changes no state: the compute host's event is recorded as it is asked for (2.17)
        add(Operation.TRIGGER_CRASH_DUMP, "trigger_crash_dump", "trigger_crash_dump", "compute_trigger_crash_dump",
                true, null, EnumSet.of(ACTIVE, PAUSED, RESCUED, RESIZED, ERROR), IDLE, true, List.of(), null, null,
                null);
        add(Operation.LOCK, "lock", "lock", null, false, null,
                ANY_VM, ANY_TASK, false, List.of(), null, null, null);
        add(Operation.UNLOCK, "unlock", "unlock", null, false, null,
                ANY_VM, ANY_TASK, false, List.of(), null, null, null);
        add(Operation.RESET_STATE_ACTIVE, "os-resetState", "resetState", null, false,
                AdminPolicy.RESET_STATE, ANY_VM, ANY_TASK, false, List.of(), ACTIVE, null, null);
        add(Operation.RESET_STATE_ERROR, "os-resetState", "resetState", null, false,
                AdminPolicy.RESET_STATE, ANY_VM, ANY_TASK, false, List.of(), ERROR, null, null);
        // Attach and detach change no vm_state or task_state: their rows are gates only (§2.4, lower half).
        Set<VmState> interfaceStates = EnumSet.of(ACTIVE, PAUSED, STOPPED);
        add(Operation.ATTACH_INTERFACE, "attach_interface", "attach_interface", "compute_attach_interface", true,
                null, interfaceStates, IDLE, true, List.of(), null, null, null);
        add(Operation.DETACH_INTERFACE, "detach_interface", "detach_interface", "compute_detach_interface", true,
                null, interfaceStates, IDLE, true, List.of(), null, null, null);
        // shelved and shelved_offloaded only from microversion 2.20: the engine checks that before this gate.
        Set<VmState> volumeStates = EnumSet.of(ACTIVE, PAUSED, STOPPED, RESIZED, SOFT_DELETED, SHELVED,
                SHELVED_OFFLOADED);
        add(Operation.ATTACH_VOLUME, "attach_volume", "attach_volume", "compute_attach_volume", true, null,
                volumeStates, IDLE, true, List.of(), null, null, null);
        add(Operation.DETACH_VOLUME, "detach_volume", "detach_volume", "compute_detach_volume", true, null,
                volumeStates, IDLE, true, List.of(), null, null, null);
        add(Operation.SWAP_VOLUME, "swap_volume", "swap_volume", "compute_swap_volume", true,
                AdminPolicy.SWAP_VOLUME, EnumSet.of(ACTIVE, PAUSED, RESIZED), IDLE, true,
                List.of(), null, null, null);
        // Seed 002: "accepted only when the task_state is None"; the seed names no vm_state condition. The work
        // holds a task_state of its own, so other actions are refused while it runs (client-wire-contract.md §6).
        add(Operation.MEDIA_ATTACH, "media-attach", "media-attach", "compute_media_attach", true, null,
                ANY_VM, IDLE, false, List.of(MEDIA_ATTACHING), null, null, null);
        add(Operation.MEDIA_DETACH, "media-detach", "media-detach", "compute_media_detach", true, null,
                ANY_VM, IDLE, false, List.of(MEDIA_DETACHING), null, null, null);
        if (RULES.size() != Operation.values().length) {
            throw new IllegalStateException("an operation has no transition rule");
        }
    }

    private TransitionTable() {
    }

    private static void add(Operation operation, String action, String instanceAction, String computeEvent,
                            boolean checksLock, AdminPolicy adminPolicy, Set<VmState> vmStates,
                            Set<TaskState> taskStates, boolean mustHaveLaunched, List<TaskState> phases,
                            VmState endVm, PowerState endPower, VmState failedVm) {
        RULES.put(operation, new TransitionRule(operation, action, instanceAction, computeEvent, checksLock,
                CHECK_HOST.contains(operation), STATE_REFUSAL_UNEXPECTED.contains(operation), adminPolicy, vmStates, taskStates, mustHaveLaunched, phases, endVm,
                endPower, failedVm));
    }

    public static TransitionRule rule(Operation operation) {
        return RULES.get(operation);
    }

    /** Every rule, in {@link Operation} order. */
    public static List<TransitionRule> rules() {
        return Collections.unmodifiableList(new ArrayList<>(RULES.values()));
    }
}
