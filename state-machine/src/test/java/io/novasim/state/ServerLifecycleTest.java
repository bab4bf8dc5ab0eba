package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.error.ComputeException;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerStatus;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionTable;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.novasim.model.server.TaskState.*;
import static io.novasim.model.server.VmState.*;
import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of nova-semantics.md §2.4 that the core covers, written out by hand from the reference. */
class ServerLifecycleTest {

    /** One row of §2.4: where an operation is accepted, the task_states it shows, and where it ends. */
    record Row(Operation op, String action, Set<VmState> allowed, List<TaskState> progression, VmState endVm,
               PowerState endPower, Duration takes) {
        @Override
        public String toString() {
            return op.name();
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row(Operation.STOP, "stop", EnumSet.of(ACTIVE, ERROR), List.of(POWERING_OFF), STOPPED,
                        PowerState.SHUTDOWN, Duration.ofSeconds(2)),
                new Row(Operation.START, "start", EnumSet.of(STOPPED), List.of(POWERING_ON), ACTIVE,
                        PowerState.RUNNING, Duration.ofSeconds(2)),
                new Row(Operation.REBOOT_SOFT, "reboot", EnumSet.of(ACTIVE),
                        List.of(REBOOTING, REBOOT_PENDING, REBOOT_STARTED), ACTIVE, PowerState.RUNNING,
                        Duration.ofSeconds(3)),
                new Row(Operation.REBOOT_HARD, "reboot", EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED, ERROR),
                        List.of(REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD), ACTIVE,
                        PowerState.RUNNING, Duration.ofSeconds(3)),
                new Row(Operation.PAUSE, "pause", EnumSet.of(ACTIVE), List.of(PAUSING), PAUSED, PowerState.PAUSED,
                        Duration.ofSeconds(1)),
                new Row(Operation.UNPAUSE, "unpause", EnumSet.of(PAUSED), List.of(UNPAUSING), ACTIVE,
                        PowerState.RUNNING, Duration.ofSeconds(1)),
                new Row(Operation.SUSPEND, "suspend", EnumSet.of(ACTIVE), List.of(SUSPENDING), SUSPENDED,
                        PowerState.SUSPENDED, Duration.ofSeconds(2)),
                new Row(Operation.RESUME, "resume", EnumSet.of(SUSPENDED), List.of(RESUMING), ACTIVE,
                        PowerState.RUNNING, Duration.ofSeconds(2)),
                new Row(Operation.RESCUE, "rescue", EnumSet.of(ACTIVE, STOPPED, ERROR), List.of(RESCUING), RESCUED,
                        PowerState.RUNNING, Duration.ofSeconds(3)),
                new Row(Operation.UNRESCUE, "unrescue", EnumSet.of(RESCUED), List.of(UNRESCUING), ACTIVE,
                        PowerState.RUNNING, Duration.ofSeconds(2)),
                new Row(Operation.SHELVE, "shelve", EnumSet.of(ACTIVE, STOPPED, PAUSED, SUSPENDED),
                        List.of(SHELVING, SHELVING_IMAGE_PENDING_UPLOAD, SHELVING_IMAGE_UPLOADING), SHELVED,
                        PowerState.SHUTDOWN, Duration.ofSeconds(6)),
                new Row(Operation.SHELVE_OFFLOAD, "shelveOffload", EnumSet.of(SHELVED), List.of(SHELVING_OFFLOADING),
                        SHELVED_OFFLOADED, PowerState.SHUTDOWN, Duration.ofSeconds(2)),
                new Row(Operation.UNSHELVE, "unshelve", EnumSet.of(SHELVED, SHELVED_OFFLOADED),
                        List.of(UNSHELVING, SPAWNING), ACTIVE, PowerState.RUNNING, Duration.ofSeconds(6)));
    }

    /** Shelving offloads at once by default; these tests look at each step alone, so no automatic offload. */
    private static Cloud cloud() {
        return new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(1),
                Timings.defaults().withShelvedOffloadAfter(Optional.empty()), EventListener.NONE);
    }

    /** An active, launched server, then forced into {@code vm} by an admin's os-resetState-like path. */
    private static Server serverIn(Cloud cloud, VmState vm) {
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return switch (vm) {
            case ACTIVE -> cloud.server(ALICE, server.id());
            case ERROR -> cloud.execute(ADMIN, new Perform(server.id(), Operation.RESET_STATE_ERROR)).server();
            default -> {
                for (Operation step : pathTo(vm)) {
                    cloud.execute(ALICE, new Perform(server.id(), step));
                    cloud.runUntilIdle();
                }
                Server there = cloud.server(ALICE, server.id());
                assertThat(there.vmState()).isEqualTo(vm);
                yield there;
            }
        };
    }

    private static List<Operation> pathTo(VmState vm) {
        return switch (vm) {
            case STOPPED -> List.of(Operation.STOP);
            case PAUSED -> List.of(Operation.PAUSE);
            case SUSPENDED -> List.of(Operation.SUSPEND);
            case RESCUED -> List.of(Operation.RESCUE);
            case SHELVED -> List.of(Operation.SHELVE);
            case SHELVED_OFFLOADED -> List.of(Operation.SHELVE, Operation.SHELVE_OFFLOAD);
            default -> throw new IllegalArgumentException("no path to " + vm);
        };
    }

    private static final Set<VmState> REACHABLE =
            EnumSet.of(ACTIVE, ERROR, STOPPED, PAUSED, SUSPENDED, RESCUED, SHELVED, SHELVED_OFFLOADED);

    @ParameterizedTest(name = "{0} is accepted where §2.4 allows it and passes through its task_states")
    @MethodSource("rows")
    void acceptedStatesProgressToTheEndState(Row row) {
        for (VmState from : row.allowed()) {
            Cloud cloud = cloud();
            Server server = serverIn(cloud, from);
            Instant start = cloud.now();

            Receipt receipt = cloud.execute(ALICE, new Perform(server.id(), row.op()));

            List<TaskState> seen = new ArrayList<>();
            seen.add(receipt.server().taskState());
            assertThat(receipt.server().vmState()).as("vm_state while %s runs", row.op()).isEqualTo(from);
            Duration share = row.takes().dividedBy(row.progression().size());
            for (int i = 1; i < row.progression().size(); i++) {
                cloud.advanceTo(start.plus(share.multipliedBy(i)));
                seen.add(cloud.server(ALICE, server.id()).taskState());
            }
            assertThat(seen).as("task_states of %s from %s", row.op(), from).isEqualTo(row.progression());

            cloud.advanceTo(start.plus(row.takes()).minusMillis(1));
            assertThat(cloud.server(ALICE, server.id()).taskState()).isNotEqualTo(NONE);
            cloud.advanceTo(start.plus(row.takes()));
            Server done = cloud.server(ALICE, server.id());
            assertThat(done.vmState()).as("%s from %s ends in", row.op(), from).isEqualTo(row.endVm());
            assertThat(done.taskState()).isEqualTo(NONE);
            assertThat(done.powerState()).isEqualTo(row.endPower());

            InstanceAction action = cloud.instanceAction(ALICE, server.id(), receipt.requestId());
            assertThat(action.message()).isNull();
            assertThat(action.events()).singleElement().satisfies(e -> {
                assertThat(e.result()).isEqualTo("Success");
                assertThat(e.finishTime()).isEqualTo(start.plus(row.takes()));
            });
        }
    }

    @ParameterizedTest(name = "{0} is refused with Nova's vm_state text elsewhere")
    @MethodSource("rows")
    void refusedInOtherVmStates(Row row) {
        for (VmState from : REACHABLE) {
            if (row.allowed().contains(from)) {
                continue;
            }
            Cloud cloud = cloud();
            Server server = serverIn(cloud, from);
            CloudState before = cloud.state();

            // stop and start check the host before the state (check_instance_host): an offloaded server has none
            boolean noHost = from == VmState.SHELVED_OFFLOADED
                    && TransitionTable.rule(row.op()).checksHost();
            assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), row.op())))
                    .isInstanceOf(ComputeException.class)
                    .hasMessage(noHost ? "Instance " + server.id() + " is not ready"
                            : "Cannot '" + row.action() + "' instance " + server.id() + " while it is in vm_state "
                            + from.value())
                    .satisfies(e -> {
                        assertThat(((ComputeException) e).code()).isEqualTo(409);
                        assertThat(((ComputeException) e).faultName()).isEqualTo("conflictingRequest");
                    });
            assertThat(cloud.state()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} is refused while a task runs")
    @MethodSource("rows")
    void refusedWhileBusy(Row row) {
        if (row.op() == Operation.REBOOT_HARD) {
            return; // a hard reboot may interrupt some tasks: see hardRebootInterruptsASoftReboot
        }
        VmState from = row.allowed().iterator().next();
        Cloud cloud = cloud();
        Server server = serverIn(cloud, from);
        // Lock and unlock take no task; an admin's hard reboot gives every allowed vm_state a task to be busy with.
        Operation busy = from == SHELVED ? Operation.UNSHELVE
                : from == SHELVED_OFFLOADED ? Operation.UNSHELVE
                : from == RESCUED ? Operation.UNRESCUE : Operation.REBOOT_HARD;
        TaskState task = cloud.execute(ALICE, new Perform(server.id(), busy)).server().taskState();

        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), row.op())))
                .hasMessage("Cannot '" + row.action() + "' instance " + server.id()
                        + " while it is in task_state " + task.value());
    }

    @ParameterizedTest(name = "{0} is refused on a locked server unless an admin asks")
    @MethodSource("rows")
    void lockedServerRefusesNonAdmins(Row row) {
        VmState from = row.allowed().iterator().next();
        Cloud cloud = cloud();
        Server server = serverIn(cloud, from);
        cloud.execute(ALICE, new LockServer(server.id(), "maintenance"));

        assertThatThrownBy(() -> cloud.execute(BOB, new Perform(server.id(), row.op())))
                .hasMessage("Instance " + server.id() + " is locked");
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), row.op())))
                .as("the lock applies to its owner too")
                .hasMessage("Instance " + server.id() + " is locked");
        assertThat(cloud.execute(ADMIN, new Perform(server.id(), row.op())).server().taskState())
                .isEqualTo(row.progression().get(0));
    }

    @Test
    void checkOrderIsLockThenVmStateThenTaskStateThenLaunchedAt() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT));
        cloud.execute(ALICE, new LockServer(server.id(), null));
        // locked, busy and the wrong vm_state for start: the lock wins
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.START)))
                .hasMessage("Instance " + server.id() + " is locked");
        // an admin passes the lock; the vm_state comes before the task_state
        assertThatThrownBy(() -> cloud.execute(ADMIN, new Perform(server.id(), Operation.START)))
                .hasMessage("Cannot 'start' instance " + server.id() + " while it is in vm_state active");
        assertThatThrownBy(() -> cloud.execute(ADMIN, new Perform(server.id(), Operation.STOP)))
                .hasMessage("Cannot 'stop' instance " + server.id() + " while it is in task_state rebooting");
    }

    @Test
    void createBuildsThroughItsTaskStatesThenLaunches() {
        Cloud cloud = cloud();
        Instant start = cloud.now();
        Receipt receipt = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE));
        Server building = receipt.server();
        assertThat(building.vmState()).isEqualTo(BUILDING);
        assertThat(building.taskState()).isEqualTo(SCHEDULING);
        assertThat(building.powerState()).isEqualTo(PowerState.NOSTATE);
        assertThat(building.status()).isEqualTo(ServerStatus.BUILD);
        assertThat(building.launchedAt()).isNull();

        List<TaskState> seen = new ArrayList<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            seen.add(cloud.server(ALICE, building.id()).taskState());
            cloud.advanceTo(start.plus(Duration.ofMillis(1250L * quarter)));
        }
        assertThat(seen).containsExactly(SCHEDULING, BLOCK_DEVICE_MAPPING, NETWORKING, SPAWNING);
        Server active = cloud.server(ALICE, building.id());
        assertThat(active.vmState()).isEqualTo(ACTIVE);
        assertThat(active.taskState()).isEqualTo(NONE);
        assertThat(active.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(active.launchedAt()).isEqualTo(start.plusSeconds(5));
        assertThat(cloud.instanceActions(ALICE, building.id())).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("create");
            assertThat(a.requestId()).isEqualTo(receipt.requestId()).startsWith("req-");
            assertThat(a.events()).extracting("event", "result")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("compute__do_build_and_run_instance",
                            "Success"));
        });
    }

    @Test
    void aFailedBuildEndsInErrorWithAFaultAndNeverLaunches() {
        Cloud cloud = Fixtures.cloud(3);
        cloud.addFault(new FaultRule("no-valid-host", FaultMatch.operation(Operation.CREATE),
                new FaultEffect.FailCompletion(500, "No valid host was found. "), Trigger.always()));
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();

        Server failed = cloud.server(ALICE, server.id());
        assertThat(failed.vmState()).isEqualTo(ERROR);
        assertThat(failed.status()).isEqualTo(ServerStatus.ERROR);
        assertThat(failed.taskState()).isEqualTo(NONE);
        assertThat(failed.fault()).isNotNull();
        assertThat(failed.fault().code()).isEqualTo(500);
        assertThat(failed.fault().message()).isEqualTo("No valid host was found. ");
        assertThat(failed.launchedAt()).isNull();
        assertThat(cloud.instanceActions(ALICE, server.id()).get(0).message()).isEqualTo("Error");
        // error is a vm_state stop accepts, but the server never launched
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.STOP)))
                .hasMessage("Instance " + server.id() + " is in an invalid state for 'stop'");
        // delete does not need a launched server
        cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE));
    }

    @Test
    void aFailedActionKeepsTheVmStateAndRecordsAnError() {
        Cloud cloud = Fixtures.cloud(3);
        cloud.addFault(new FaultRule("stop-times-out", FaultMatch.operation(Operation.STOP),
                new FaultEffect.FailCompletion(500, "Timeout waiting for the guest to shut down"), Trigger.always()));
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        String requestId = cloud.execute(ALICE, new Perform(server.id(), Operation.STOP)).requestId();
        cloud.runUntilIdle();

        Server after = cloud.server(ALICE, server.id());
        assertThat(after.vmState()).isEqualTo(ACTIVE);
        assertThat(after.taskState()).isEqualTo(NONE);
        assertThat(after.fault()).isNull();
        InstanceAction stop = cloud.instanceAction(ALICE, server.id(), requestId);
        assertThat(stop.message()).isEqualTo("Error");
        assertThat(stop.events().get(0).result()).isEqualTo("Error");
        assertThat(stop.events().get(0).traceback()).contains("Timeout waiting");
    }

    @Test
    void deleteIsAllowedInAnyStateAndTheServerIsGoneWhenItCompletes() {
        Cloud cloud = cloud();
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        // still building, task scheduling: delete takes over
        Server deleting = cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE)).server();
        assertThat(deleting.taskState()).isEqualTo(DELETING);
        assertThat(deleting.vmState()).isEqualTo(BUILDING);
        // it was never placed: stop's host check answers first
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.STOP)))
                .hasMessage("Instance " + server.id() + " is not ready");
        cloud.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> cloud.server(ALICE, server.id()))
                .hasMessage("Instance " + server.id() + " could not be found.")
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(404);
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE)))
                .hasMessage("Instance " + server.id() + " could not be found.");
        assertThat(cloud.servers(ALICE)).isEmpty();
        assertThat(cloud.nextDueAt()).isEmpty();
    }

    @Test
    void deleteHonoursTheLock() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        cloud.execute(ALICE, new LockServer(server.id(), null));
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE)))
                .hasMessage("Instance " + server.id() + " is locked");
    }

    @Test
    void hardRebootInterruptsASoftReboot() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        String soft = cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT)).requestId();
        cloud.advance(Duration.ofSeconds(1));
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.REBOOT);
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT)))
                .hasMessage("Cannot 'reboot' instance " + server.id() + " while it is in task_state reboot_pending");

        Server hard = cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_HARD)).server();
        assertThat(hard.taskState()).isEqualTo(REBOOTING_HARD);
        assertThat(hard.status()).isEqualTo(ServerStatus.HARD_REBOOT);
        cloud.runUntilIdle();
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(cloud.instanceAction(ALICE, server.id(), soft).message()).isEqualTo("Error");
    }

    @Test
    void hardRebootIsRefusedWhilePoweringOff() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_HARD)))
                .hasMessage("Cannot 'reboot' instance " + server.id() + " while it is in task_state powering-off");
    }

    @Test
    void shelvingOffloadsAtOnceByDefault() {
        Cloud cloud = Fixtures.cloud(5);
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        String shelve = cloud.execute(ALICE, new Perform(server.id(), Operation.SHELVE)).requestId();
        cloud.advance(Duration.ofSeconds(6));
        Server shelved = cloud.server(ALICE, server.id());
        assertThat(shelved.vmState()).isEqualTo(SHELVED);
        assertThat(shelved.taskState()).isEqualTo(SHELVING_OFFLOADING);
        cloud.advance(Duration.ofSeconds(2));
        Server offloaded = cloud.server(ALICE, server.id());
        assertThat(offloaded.vmState()).isEqualTo(SHELVED_OFFLOADED);
        assertThat(offloaded.status()).isEqualTo(ServerStatus.SHELVED_OFFLOADED);
        assertThat(offloaded.powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(cloud.instanceAction(ALICE, server.id(), shelve).events()).extracting("event")
                .containsExactly("compute_shelve_instance", "compute_shelve_offload_instance");
    }

    @Test
    void shelvingOffloadsAfterTheConfiguredTimeUnlessUnshelvedFirst() {
        Cloud cloud = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(1),
                Timings.defaults().withShelvedOffloadAfter(Optional.of(Duration.ofMinutes(10))), EventListener.NONE);
        Server a = cloud.execute(ALICE, new CreateServer("a", FLAVOR, IMAGE)).server();
        Server b = cloud.execute(ALICE, new CreateServer("b", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(a.id(), Operation.SHELVE));
        cloud.execute(ALICE, new Perform(b.id(), Operation.SHELVE));
        cloud.advance(Duration.ofSeconds(6));
        cloud.execute(ALICE, new Perform(b.id(), Operation.UNSHELVE));
        cloud.advance(Duration.ofMinutes(9));
        assertThat(cloud.server(ALICE, a.id()).vmState()).isEqualTo(SHELVED);
        cloud.runUntilIdle();
        assertThat(cloud.server(ALICE, a.id()).vmState()).isEqualTo(SHELVED_OFFLOADED);
        assertThat(cloud.server(ALICE, b.id()).vmState()).isEqualTo(ACTIVE);
    }

    @Test
    void rescueHandsOutAnAdminPassword() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        Receipt receipt = cloud.execute(ALICE, new Perform(server.id(), Operation.RESCUE));
        assertThat(receipt.adminPass()).hasSize(12).matches("[a-zA-Z0-9]+");
        assertThat(receipt.server().taskState()).isEqualTo(RESCUING);
        cloud.runUntilIdle();
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.RESCUE);
    }

    @Test
    void lockRecordsWhoLockedAndWhy() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        Server locked = cloud.execute(ALICE, new LockServer(server.id(), "do not touch")).server();
        assertThat(locked.locked()).isTrue();
        assertThat(locked.lockedReason()).isEqualTo("do not touch");
        assertThat(cloud.execute(BOB, new LockServer(server.id(), "mine now")).server().lockedReason())
                .as("the owner re-locking changes nothing").isEqualTo("do not touch");
        assertThat(cloud.execute(BOB, new Perform(server.id(), Operation.UNLOCK)).server().locked()).isFalse();

        cloud.execute(CLOUD_ADMIN, new Perform(server.id(), Operation.LOCK));
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.UNLOCK)))
                .hasMessage("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.")
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(403);
        assertThat(cloud.execute(ADMIN, new Perform(server.id(), Operation.UNLOCK)).server().locked()).isFalse();
        assertThat(cloud.instanceActions(ALICE, server.id())).extracting(InstanceAction::action)
                .containsExactly("unlock", "lock", "unlock", "lock", "create");
        assertThat(cloud.instanceActions(ALICE, server.id()).get(0).events()).extracting("event", "result")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api_unlock", "Success"));
    }

    @Test
    void resetStateIsForAdminsAndClearsTheTask() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.RESET_STATE_ACTIVE)))
                .hasMessage("Policy doesn't allow os_compute_api:os-admin-actions:reset_state to be performed.");

        String stop = cloud.instanceActions(ALICE, server.id()).get(0).requestId();
        Server reset = cloud.execute(ADMIN, new Perform(server.id(), Operation.RESET_STATE_ERROR)).server();
        assertThat(cloud.instanceAction(ALICE, server.id(), stop).message()).as("the stop was cut short")
                .isEqualTo("Error");
        assertThat(reset.vmState()).isEqualTo(ERROR);
        assertThat(reset.taskState()).isEqualTo(NONE);
        assertThat(cloud.nextDueAt()).as("the stop in flight is cancelled").isEmpty();
        cloud.advance(Duration.ofMinutes(1));
        assertThat(cloud.server(ALICE, server.id()).vmState()).isEqualTo(ERROR);
        assertThat(cloud.execute(ADMIN, new Perform(server.id(), Operation.RESET_STATE_ACTIVE)).server().status())
                .isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void anotherProjectCannotSeeOrTouchTheServer() {
        Cloud cloud = cloud();
        Server server = serverIn(cloud, ACTIVE);
        assertThatThrownBy(() -> cloud.server(MALLORY, server.id()))
                .hasMessage("Instance " + server.id() + " could not be found.");
        assertThatThrownBy(() -> cloud.execute(MALLORY, new Perform(server.id(), Operation.DELETE)))
                .hasMessage("Instance " + server.id() + " could not be found.");
        assertThat(cloud.servers(MALLORY)).isEmpty();
        assertThat(cloud.servers(ADMIN)).extracting(Server::id).containsExactly(server.id());
    }

    @Test
    void createRefusesAnUnknownFlavorOrImage() {
        Cloud cloud = cloud();
        assertThatThrownBy(() -> cloud.execute(ALICE, new CreateServer("web", "42", IMAGE)))
                .hasMessage("Flavor 42 could not be found.")
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(400);
        assertThatThrownBy(() -> cloud.execute(ALICE, new CreateServer("web", FLAVOR, "nope")))
                .hasMessage("Can not find requested image");
        assertThat(cloud.servers(ADMIN)).isEmpty();
    }

    @Test
    void serversAreListedNewestFirst() {
        Cloud cloud = cloud();
        Server first = cloud.execute(ALICE, new CreateServer("first", FLAVOR, IMAGE)).server();
        cloud.advance(Duration.ofSeconds(1));
        Server second = cloud.execute(BOB, new CreateServer("second", FLAVOR, IMAGE)).server();
        assertThat(cloud.servers(ALICE)).extracting(Server::id).containsExactly(second.id(), first.id());
    }
}
