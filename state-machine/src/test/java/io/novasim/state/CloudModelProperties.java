package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.novasim.model.server.TaskState.*;
import static io.novasim.model.server.VmState.*;
import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The engine against a small model of Nova written independently of the production table: switches over the
 * reference's prose, not {@code TransitionTable}. Every step compares the two; invariants hold after every step.
 */
class CloudModelProperties {

    /** Builds named "doomed" fail, so the chain also walks the ERROR paths. */
    static final FaultRule DOOMED_BUILDS_FAIL = new FaultRule("doomed",
            FaultMatch.operation(Operation.CREATE).onServerNamed("doomed"),
            new FaultEffect.FailCompletion(500, "No valid host was found."), Trigger.always());

    /** Nova's reclaim_instance_interval in the chains that soft-delete. */
    static final Duration RECLAIM = Duration.ofSeconds(3);

    static Timings timings(boolean softDelete) {
        return softDelete ? Timings.defaults().withReclaimInstanceInterval(java.util.Optional.of(RECLAIM))
                : Timings.defaults();
    }

    static Cloud newCloud(EventLog log, boolean softDelete) {
        Cloud cloud = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(42), timings(softDelete), log);
        cloud.addFault(DOOMED_BUILDS_FAIL);
        return cloud;
    }

    static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY, ADMIN);

    // ------------------------------------------------------------------ the model

    /** What the model expects of one server. Mutable on purpose: it is a different shape from the engine's values. */
    static final class Expected {
        final String name;
        final String project;
        VmState vm = BUILDING;
        TaskState task = SCHEDULING;
        PowerState power = PowerState.NOSTATE;
        boolean launched;
        boolean faulted;
        String lockedBy; // null, "owner" or "admin"
        String lockReason;
        Operation running = Operation.CREATE;
        Instant runningSince;
        Instant reclaimAt; // set while a soft-deleted server waits to be reclaimed
        String flavor = FLAVOR;
        boolean onHost; // placed by the scheduler, and not offloaded since
        String resize; // null, "running", "finished", "confirming" or "reverting"
        VmState beforeResize;

        Expected(String name, String project, Instant now) {
            this.name = name;
            this.project = project;
            this.runningSince = now;
        }
    }

    static List<TaskState> phases(Operation op) {
        return switch (op) {
            case CREATE -> List.of(SCHEDULING, BLOCK_DEVICE_MAPPING, NETWORKING, SPAWNING);
            case DELETE -> List.of(DELETING);
            case STOP -> List.of(POWERING_OFF);
            case START -> List.of(POWERING_ON);
            case REBOOT_SOFT -> List.of(REBOOTING, REBOOT_PENDING, REBOOT_STARTED);
            case REBOOT_HARD -> List.of(REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD);
            case PAUSE -> List.of(PAUSING);
            case UNPAUSE -> List.of(UNPAUSING);
            case SUSPEND -> List.of(SUSPENDING);
            case RESUME -> List.of(RESUMING);
            case RESCUE -> List.of(RESCUING);
            case UNRESCUE -> List.of(UNRESCUING);
            case SHELVE -> List.of(SHELVING, SHELVING_IMAGE_PENDING_UPLOAD, SHELVING_IMAGE_UPLOADING);
            case SHELVE_OFFLOAD -> List.of(SHELVING_OFFLOADING);
            case UNSHELVE -> List.of(UNSHELVING, SPAWNING);
            case MEDIA_ATTACH -> List.of(MEDIA_ATTACHING);
            case MEDIA_DETACH -> List.of(MEDIA_DETACHING);
            case CHANGE_PASSWORD -> List.of(UPDATING_PASSWORD);
            case SOFT_DELETE -> List.of(SOFT_DELETING);
            case RESTORE -> List.of(RESTORING);
            case FORCE_DELETE -> List.of(DELETING);
            case REBUILD -> List.of(REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING, REBUILD_SPAWNING);
            case CREATE_IMAGE -> List.of(IMAGE_SNAPSHOT_PENDING, IMAGE_SNAPSHOT, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING);
            case CREATE_BACKUP -> List.of(IMAGE_BACKUP, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING);
            case RESIZE -> List.of(RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH);
            case CONFIRM_RESIZE -> List.of(NONE); // Nova sets no task_state for it
            case REVERT_RESIZE -> List.of(RESIZE_REVERTING);
            case MIGRATE -> List.of(RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH);
            case EVACUATE -> List.of(REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING, REBUILD_SPAWNING);
            case LIVE_MIGRATE -> List.of(MIGRATING, MIGRATING);
            default -> List.of();
        };
    }

    static long seconds(Operation op) {
        return switch (op) {
            case CREATE -> 5;
            case SHELVE, UNSHELVE, REBUILD -> 6;
            case CREATE_IMAGE, RESIZE, MIGRATE -> 8;
            case EVACUATE, CREATE_BACKUP -> 6;
            case LIVE_MIGRATE -> 4;
            case CONFIRM_RESIZE -> 1;
            case REVERT_RESIZE -> 4;
            case MEDIA_ATTACH -> 2;
            case MEDIA_DETACH -> 1;
            case REBOOT_SOFT, REBOOT_HARD, RESCUE -> 3;
            case PAUSE, UNPAUSE -> 1;
            case CHANGE_PASSWORD -> 0; // an RPC call: done by the time Nova answers
            default -> 2;
        };
    }

    static boolean vmAllows(Operation op, VmState vm) {
        return switch (op) {
            case STOP -> vm == ACTIVE || vm == ERROR;
            case START -> vm == STOPPED;
            case REBOOT_SOFT, PAUSE, SUSPEND -> vm == ACTIVE;
            case REBOOT_HARD -> vm == ACTIVE || vm == STOPPED || vm == PAUSED || vm == SUSPENDED || vm == ERROR;
            case UNPAUSE -> vm == PAUSED;
            case RESUME -> vm == SUSPENDED;
            case RESCUE -> vm == ACTIVE || vm == STOPPED || vm == ERROR;
            case UNRESCUE -> vm == RESCUED;
            case SHELVE -> vm == ACTIVE || vm == STOPPED || vm == PAUSED || vm == SUSPENDED;
            case SHELVE_OFFLOAD -> vm == SHELVED;
            case UNSHELVE -> vm == SHELVED || vm == SHELVED_OFFLOADED;
            case CHANGE_PASSWORD -> vm == ACTIVE;
            case RESTORE -> vm == SOFT_DELETED;
            case REBUILD -> vm == ACTIVE || vm == STOPPED || vm == ERROR;
            case CREATE_IMAGE, CREATE_BACKUP -> vm == ACTIVE || vm == STOPPED || vm == PAUSED || vm == SUSPENDED;
            case RESIZE, MIGRATE -> vm == ACTIVE || vm == STOPPED;
            case EVACUATE -> vm == ACTIVE || vm == STOPPED || vm == ERROR;
            case LIVE_MIGRATE -> vm == ACTIVE || vm == PAUSED;
            case CONFIRM_RESIZE, REVERT_RESIZE -> vm == RESIZED;
            case TRIGGER_CRASH_DUMP -> vm == ACTIVE || vm == PAUSED || vm == RESCUED || vm == RESIZED || vm == ERROR;
            default -> true;
        };
    }

    static boolean taskAllows(Operation op, TaskState task) {
        return switch (op) {
            case DELETE, SOFT_DELETE, LOCK, UNLOCK, RESET_STATE_ACTIVE, RESET_STATE_ERROR, EVACUATE -> true;
            case REBOOT_HARD -> Set.of(NONE, REBOOTING, REBOOT_PENDING, REBOOT_STARTED, RESUMING, REBOOTING_HARD,
                    UNPAUSING, PAUSING, SUSPENDING).contains(task);
            default -> task == NONE;
        };
    }

    static String actionName(Operation op) {
        return switch (op) {
            case REBOOT_SOFT, REBOOT_HARD -> "reboot";
            case SHELVE_OFFLOAD -> "shelveOffload";
            case CHANGE_PASSWORD -> "changePassword";
            case CREATE_IMAGE -> "createImage";
            case CREATE_BACKUP -> "createBackup";
            case CONFIRM_RESIZE -> "confirmResize";
            case REVERT_RESIZE -> "revertResize";
            case LIVE_MIGRATE -> "os-migrateLive";
            default -> op.name().toLowerCase();
        };
    }

    /** Nova's forceDelete expects no state refusal, so it answers one as an unexpected error. */
    static final String UNEXPECTED_INVALID_STATE = "Unexpected API Error. Please report this at "
            + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n"
            + "<class 'nova.exception.InstanceInvalidState'>";

    /** The operation a request for {@code op} is: a delete of a server that has run soft-deletes when reclaiming. */
    static Operation effective(Map<String, Expected> model, String id, Operation op, boolean softDelete) {
        Expected e = model.get(id);
        return op == Operation.DELETE && softDelete && e != null && e.launched ? Operation.SOFT_DELETE : op;
    }

    /** The text Nova would refuse with, or null when the model accepts. */
    static String refusal(Map<String, Expected> model, String id, Operation op, Caller caller) {
        Expected e = model.get(id);
        if (e == null || !(caller.admin() || caller.projectId().equals(e.project))) {
            return "Instance " + id + " could not be found.";
        }
        if ((op == Operation.RESET_STATE_ACTIVE || op == Operation.RESET_STATE_ERROR) && !caller.admin()) {
            return "Policy doesn't allow os_compute_api:os-admin-actions:reset_state to be performed.";
        }
        if (op == Operation.MIGRATE && !caller.admin()) {
            return "Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed.";
        }
        if (op == Operation.LIVE_MIGRATE && !caller.admin()) {
            return "Policy doesn't allow os_compute_api:os-migrate-server:migrate_live to be performed.";
        }
        if (op == Operation.EVACUATE && !caller.admin()) {
            return "Policy doesn't allow os_compute_api:os-evacuate to be performed.";
        }
        String expectedBy = caller.projectId().equals(e.project) ? "owner" : "admin";
        if (op == Operation.UNLOCK && e.lockedBy != null && !e.lockedBy.equals(expectedBy) && !caller.admin()) {
            return "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.";
        }
        // a snapshot changes nothing of the server, so Nova lets it past a lock
        boolean lockMatters = op != Operation.LOCK && op != Operation.UNLOCK
                && op != Operation.RESET_STATE_ACTIVE && op != Operation.RESET_STATE_ERROR
                && op != Operation.CREATE_IMAGE && op != Operation.CREATE_BACKUP && op != Operation.EVACUATE;
        if (lockMatters && e.lockedBy != null && !caller.admin()) {
            return "Instance " + id + " is locked";
        }
        boolean onHost = e.onHost;
        boolean checksHost = op == Operation.STOP || op == Operation.START || op == Operation.TRIGGER_CRASH_DUMP
                || op == Operation.RESIZE || op == Operation.MIGRATE;
        if (checksHost && !onHost) {
            return "Instance " + id + " is not ready";
        }
        if (!vmAllows(op, e.vm)) {
            return "Cannot '" + actionName(op) + "' instance " + id + " while it is in vm_state " + e.vm.value();
        }
        if (!taskAllows(op, e.task)) {
            return op == Operation.FORCE_DELETE ? UNEXPECTED_INVALID_STATE
                    : "Cannot '" + actionName(op) + "' instance " + id + " while it is in task_state "
                    + e.task.value();
        }
        boolean needsLaunch = (lockMatters || op == Operation.CREATE_IMAGE || op == Operation.CREATE_BACKUP
                || op == Operation.EVACUATE)
                && op != Operation.DELETE
                && op != Operation.FORCE_DELETE;
        if (needsLaunch && !e.launched) {
            return "Instance " + id + " is in an invalid state for '" + actionName(op) + "'";
        }
        if (op == Operation.EVACUATE && e.onHost) {
            return "Compute service of novasim-compute-1 is still in use.";
        }
        if (op == Operation.RESIZE && e.flavor.equals(BIGGER_FLAVOR)) {
            return "When resizing, instances must change flavor!";
        }
        if ((op == Operation.CONFIRM_RESIZE || op == Operation.REVERT_RESIZE) && !"finished".equals(e.resize)) {
            return "Instance has not been resized.";
        }
        if (op == Operation.RESTORE && counted(model, e.project) >= INSTANCES_QUOTA) {
            return instancesQuotaExceeded(counted(model, e.project));
        }
        return null;
    }

    /** Brings the model's servers up to {@code now}, completing work phase by phase. */
    static void settle(Map<String, Expected> model, Instant now, Duration reclaimAfter) {
        for (String id : new ArrayList<>(model.keySet())) {
            Expected e = model.get(id);
            while (e.running != null) {
                List<TaskState> phases = phases(e.running);
                long totalNanos = seconds(e.running) * 1_000_000_000L;
                long elapsed = Duration.between(e.runningSince, now).toNanos();
                int phase = totalNanos == 0 ? phases.size()
                        : (int) Math.min(phases.size(), elapsed * phases.size() / totalNanos);
                if ((e.running == Operation.MIGRATE || e.running == Operation.LIVE_MIGRATE) && phase >= 1) {
                    // one host: the scheduler finds nowhere to go, and the server is back as it was
                    e.running = null;
                    e.task = NONE;
                    e.resize = null;
                    break;
                }
                if (phase < phases.size()) {
                    e.task = phases.get(phase);
                    if (e.running == Operation.CREATE && phase >= 1 || e.running == Operation.UNSHELVE && phase >= 1) {
                        e.onHost = true; // the scheduler placed it
                    }
                    break;
                }
                if (e.running == Operation.CREATE || e.running == Operation.UNSHELVE) {
                    e.onHost = true; // placed on the way, however far settling jumped
                }
                Instant finishedAt = e.runningSince.plusSeconds(seconds(e.running));
                Operation done = e.running;
                e.running = null;
                e.task = NONE;
                switch (done) {
                    case CREATE -> {
                        if (e.name.equals("doomed")) {
                            e.vm = ERROR;
                            e.faulted = true;
                        } else {
                            e.vm = ACTIVE;
                            e.power = PowerState.RUNNING;
                            e.launched = true;
                        }
                    }
                    case DELETE, FORCE_DELETE -> model.remove(id);
                    case SOFT_DELETE -> {
                        e.vm = SOFT_DELETED;
                        e.power = PowerState.SHUTDOWN;
                        e.reclaimAt = reclaimAfter == null ? null : finishedAt.plus(reclaimAfter);
                    }
                    case STOP -> { e.vm = STOPPED; e.power = PowerState.SHUTDOWN; }
                    case PAUSE -> { e.vm = PAUSED; e.power = PowerState.PAUSED; }
                    case SUSPEND -> { e.vm = SUSPENDED; e.power = PowerState.SUSPENDED; }
                    case RESCUE -> { e.vm = RESCUED; e.power = PowerState.RUNNING; }
                    case SHELVE -> {
                        e.vm = SHELVED;
                        e.power = PowerState.SHUTDOWN;
                        // Nova's default shelved_offload_time of 0: offloading starts at once.
                        e.running = Operation.SHELVE_OFFLOAD;
                        e.runningSince = finishedAt;
                    }
                    case SHELVE_OFFLOAD -> {
                        e.vm = SHELVED_OFFLOADED;
                        e.power = PowerState.SHUTDOWN;
                        e.onHost = false;
                    }
                    case MEDIA_ATTACH, MEDIA_DETACH, CREATE_IMAGE, CREATE_BACKUP -> { } // no vm_state change
                    case RESIZE -> {
                        e.vm = RESIZED;
                        e.flavor = BIGGER_FLAVOR;
                        e.resize = "finished";
                    }
                    case CONFIRM_RESIZE -> {
                        e.vm = e.power == PowerState.SHUTDOWN ? STOPPED : ACTIVE;
                        e.resize = null;
                    }
                    case REVERT_RESIZE -> {
                        e.vm = e.beforeResize;
                        e.power = e.vm == STOPPED ? PowerState.SHUTDOWN : PowerState.RUNNING;
                        e.flavor = FLAVOR;
                        e.resize = null;
                    }
                    case REBUILD, EVACUATE -> {
                        // a stopped server is stopped again after its spawn; one in error comes back
                        boolean stopped = e.vm == STOPPED;
                        e.vm = stopped ? STOPPED : ACTIVE;
                        e.power = stopped ? PowerState.SHUTDOWN : PowerState.RUNNING;
                        e.launched = true;
                        e.onHost = true;
                    }
                    default -> { e.vm = ACTIVE; e.power = PowerState.RUNNING; }
                }
            }
            if (e.running == null && e.reclaimAt != null && !e.reclaimAt.isAfter(now)) {
                model.remove(id); // reclaimed
            }
        }
    }

    /** Applies an accepted command to the model at {@code now}. */
    static void accept(Map<String, Expected> model, String id, Operation op, Caller caller, String reason,
                       Instant now) {
        Expected e = model.get(id);
        boolean deletes = op == Operation.DELETE || op == Operation.SOFT_DELETE || op == Operation.FORCE_DELETE;
        if (deletes && e.vm == SHELVED_OFFLOADED) {
            model.remove(id); // no host to ask: the API deletes it at once
            return;
        }
        if (deletes && (e.task == DELETING || e.task == SOFT_DELETING)) {
            return; // already being deleted: Nova ignores the request
        }
        if (op != Operation.LOCK && op != Operation.UNLOCK && op != Operation.TRIGGER_CRASH_DUMP) {
            e.reclaimAt = null; // work on the server, or a reset, ends the wait to be reclaimed
        }
        switch (op) {
            case RESIZE, MIGRATE -> {
                e.resize = "running";
                e.beforeResize = e.vm;
            }
            case CONFIRM_RESIZE -> e.resize = "confirming";
            case REVERT_RESIZE -> e.resize = "reverting";
            default -> {
            }
        }
        switch (op) {
            case LOCK -> {
                boolean owner = caller.projectId().equals(e.project);
                if (e.lockedBy == null || !owner) {
                    e.lockedBy = owner ? "owner" : "admin";
                    e.lockReason = reason;
                }
            }
            case UNLOCK -> {
                e.lockedBy = null;
                e.lockReason = null;
            }
            case TRIGGER_CRASH_DUMP -> { } // no state changes
            case RESET_STATE_ACTIVE, RESET_STATE_ERROR -> {
                e.vm = op == Operation.RESET_STATE_ACTIVE ? ACTIVE : ERROR;
                e.task = NONE;
                e.running = null;
            }
            default -> {
                e.running = op;
                e.runningSince = now;
                e.task = phases(op).get(0);
            }
        }
    }

    /** Nova's status map, written again here (§2.2) so the engine's copy is checked against a second reading. */
    static String status(VmState vm, TaskState task) {
        String t = task.value() == null ? "" : task.value();
        return switch (vm) {
            case ACTIVE -> t.startsWith("reboot") && t.endsWith("_hard") || t.equals("rebooting_hard") ? "HARD_REBOOT"
                    : t.startsWith("reboot") ? "REBOOT"
                    : t.equals("updating_password") ? "PASSWORD"
                    : t.startsWith("rebuild") ? "REBUILD"
                    : t.equals("migrating") ? "MIGRATING"
                    : Set.of("resize_prep", "resize_migrating", "resize_migrated", "resize_finish").contains(t)
                    ? "RESIZE" : "ACTIVE";
            case BUILDING -> "BUILD";
            case STOPPED -> t.startsWith("rebuild") ? "REBUILD"
                    : Set.of("resize_prep", "resize_migrating", "resize_migrated", "resize_finish").contains(t)
                    ? "RESIZE" : "SHUTOFF";
            case RESIZED -> t.equals("resize_reverting") ? "REVERT_RESIZE" : "VERIFY_RESIZE";
            case PAUSED -> t.equals("migrating") ? "MIGRATING" : "PAUSED";
            case SUSPENDED -> "SUSPENDED";
            case RESCUED -> "RESCUE";
            case ERROR -> t.startsWith("rebuild") ? "REBUILD" : "ERROR";
            case DELETED -> "DELETED";
            case SOFT_DELETED -> "SOFT_DELETED";
            case SHELVED -> "SHELVED";
            case SHELVED_OFFLOADED -> "SHELVED_OFFLOADED";
        };
    }

    // ------------------------------------------------------------------ the chain

    /** The chain's state: the engine, the model, and the ids ever created (deleted ones included, to poke at). */
    static final class World {
        final boolean softDelete;
        final EventLog log = new EventLog();
        final Cloud cloud;
        final Map<String, Expected> model = new LinkedHashMap<>();
        final List<String> everCreated = new ArrayList<>();

        World(boolean softDelete) {
            this.softDelete = softDelete;
            this.cloud = newCloud(log, softDelete);
        }

        Duration reclaim() {
            return softDelete ? RECLAIM : null;
        }

        void settle(Instant now) {
            CloudModelProperties.settle(model, now, reclaim());
        }

        void run(Caller caller, Command command, String id, Operation requested, String reason) {
            Instant now = cloud.now();
            settle(now);
            Operation op = effective(model, id, requested, softDelete);
            String expectedRefusal = refusal(model, id, op, caller);
            CloudState before = cloud.state();
            try {
                Server after = cloud.execute(caller, command).server();
                if (expectedRefusal != null) {
                    fail("accepted %s by %s but the model refuses: %s", command, caller.userId(), expectedRefusal);
                }
                accept(model, id, op, caller, reason, now);
                Expected e = model.get(id);
                if (e == null) {
                    return; // deleted at once
                }
                assertThat(after.vmState()).isEqualTo(e.vm);
                assertThat(after.taskState()).isEqualTo(e.task);
                if (op == Operation.LOCK) {
                    assertThat(after.lockedReason()).isEqualTo(e.lockReason);
                }
            } catch (ComputeException refused) {
                assertThat(refused.getMessage()).as("refusal of %s by %s", command, caller.userId())
                        .isEqualTo(expectedRefusal);
                assertThat(cloud.state()).as("a refused command changes nothing").isEqualTo(before);
            }
        }

        @Override
        public String toString() {
            return "World" + model.keySet();
        }
    }

    /** Nova's default instances quota; the fixture's flavors fit ten servers in its cores and ram. */
    static final int INSTANCES_QUOTA = io.novasim.model.quota.QuotaResource.INSTANCES.configDefault();

    /** The servers a project's instances quota counts: all but the soft-deleted. */
    static long counted(Map<String, Expected> model, String project) {
        return model.values().stream().filter(e -> e.project.equals(project) && e.vm != VmState.SOFT_DELETED).count();
    }

    static String instancesQuotaExceeded(long used) {
        return "Quota exceeded for instances: Requested 1, but already used " + used + " of " + INSTANCES_QUOTA
                + " instances";
    }

    static Action<World> create() {
        return (Action.Independent<World>) () -> Combinators.combine(
                        Arbitraries.of("web", "db", "doomed"), Arbitraries.of(ALICE, MALLORY))
                .as((name, caller) -> Transformer.mutate("create " + name + " as " + caller.userId(), w -> {
                    Instant now = w.cloud.now();
                    w.settle(now);
                    long used = counted(w.model, caller.projectId());
                    if (used >= INSTANCES_QUOTA) {
                        assertThatThrownBy(() -> w.cloud.execute(caller, new CreateServer(name, FLAVOR, IMAGE)))
                                .hasMessage(instancesQuotaExceeded(used));
                        return;
                    }
                    Server created = w.cloud.execute(caller, new CreateServer(name, FLAVOR, IMAGE)).server();
                    w.model.put(created.id(), new Expected(name, caller.projectId(), now));
                    w.everCreated.add(created.id());
                }));
    }

    static Action<World> perform() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.everCreated.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World state) {
                return Combinators.combine(Arbitraries.of(state.everCreated),
                                Arbitraries.of(Operation.values())
                                        .filter(op -> op != Operation.CREATE && op.kind() == Operation.Kind.LIFECYCLE),
                                Arbitraries.of(CALLERS), Arbitraries.of("maintenance", "audit"))
                        .as((id, op, caller, reason) -> Transformer.mutate(
                                op + " #" + state.everCreated.indexOf(id) + " as " + caller.userId(),
                                w -> w.run(caller, lifecycleCommand(id, op, reason), id, op,
                                        op == Operation.LOCK ? reason : null)));
            }
        };
    }

    static Action<World> advance() {
        return (Action.Independent<World>) () -> Arbitraries.integers().between(0, 16)
                .map(quarters -> Transformer.mutate("advance " + quarters * 250 + "ms",
                        w -> w.cloud.advance(Duration.ofMillis(250L * quarters))));
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return chains(false);
    }

    @Provide
    Arbitrary<ActionChain<World>> softDeletingChains() {
        return chains(true);
    }

    static Arbitrary<ActionChain<World>> chains(boolean softDelete) {
        return ActionChain.startWith(() -> new World(softDelete))
                .withAction(2, create())
                .withAction(6, perform())
                .withAction(4, advance())
                .withMaxTransformations(40);
    }

    @Property(tries = 300)
    void theEngineBehavesLikeTheModel(@ForAll("chains") ActionChain<World> chain) {
        check(chain);
    }

    /** With Nova's reclaim_instance_interval set: a delete soft-deletes, and the server is reclaimed later. */
    @Property(tries = 200)
    void theEngineBehavesLikeTheModelWhenDeletesAreSoft(@ForAll("softDeletingChains") ActionChain<World> chain) {
        check(chain);
    }

    private static void check(ActionChain<World> chain) {
        chain.withInvariant("servers match the model", w -> {
                    w.settle(w.cloud.now());
                    List<Server> servers = w.cloud.servers(ADMIN);
                    assertThat(servers).extracting(Server::id)
                            .as("no phantom and no lost servers").containsExactlyInAnyOrderElementsOf(w.model.keySet());
                    for (Server s : servers) {
                        Expected e = w.model.get(s.id());
                        assertThat(s.vmState()).as("vm_state of %s", s.name()).isEqualTo(e.vm);
                        assertThat(s.taskState()).as("task_state of %s", s.name()).isEqualTo(e.task);
                        assertThat(s.powerState()).as("power_state of %s", s.name()).isEqualTo(e.power);
                        assertThat(s.launched()).isEqualTo(e.launched);
                        assertThat(s.locked()).isEqualTo(e.lockedBy != null);
                    }
                })
                .withInvariant("status agrees with vm_state and task_state", w -> {
                    for (Server s : w.cloud.servers(ADMIN)) {
                        assertThat(s.status().name()).isEqualTo(status(s.vmState(), s.taskState()));
                    }
                })
                .withInvariant("task_state is None once no work is due", w -> {
                    if (w.cloud.nextDueAt().isEmpty()) {
                        assertThat(w.cloud.servers(ADMIN)).allSatisfy(s -> assertThat(s.taskState()).isEqualTo(NONE));
                    }
                })
                .withInvariant("a failed build, and only that, leaves a fault", w -> {
                    for (Server s : w.cloud.servers(ADMIN)) {
                        assertThat(s.fault() != null).as("fault of %s", s.name())
                                .isEqualTo(w.model.get(s.id()).faulted);
                    }
                })
                .run();
        World last = chain.finalState().orElseThrow();
        last.cloud.runUntilIdle();
        assertThat(last.cloud.servers(ADMIN)).allSatisfy(s -> assertThat(s.taskState()).isEqualTo(NONE));

        // The same seed and the same commands give the same states and the same history.
        EventLog replayLog = new EventLog();
        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(42), timings(last.softDelete),
                replayLog);
        Replay.onto(replayed, last.log.events());
        replayed.advanceTo(last.cloud.now());
        assertThat(replayed.state()).isEqualTo(last.cloud.state());
        assertThat(replayLog.events()).isEqualTo(last.log.events());
    }
}
