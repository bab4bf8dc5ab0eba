package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.error.ComputeException;
import io.novasim.model.migration.Migration;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.ResizeServer;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resize, confirm and revert as Nova's compute API and host carry them out, migration record included. */
class ResizeTest {
    private final Cloud cloud = cloud(3);

    private Server active() {
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return server;
    }

    private Server now(Server server) {
        return cloud.server(ADMIN, server.id());
    }

    private Migration migration() {
        return cloud.migrations().get(cloud.migrations().size() - 1);
    }

    @Test
    void aResizePassesItsStepsThenAConfirmKeepsTheNewFlavor() {
        Server server = active();
        cloud.execute(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR));
        assertThat(now(server).taskState()).isEqualTo(TaskState.RESIZE_PREP);
        assertThat(migration().status()).isEqualTo(Migration.PRE_MIGRATING);
        assertThat(migration().type()).isEqualTo("resize");
        cloud.advance(Duration.ofSeconds(2));
        assertThat(now(server).taskState()).isEqualTo(TaskState.RESIZE_MIGRATING);
        assertThat(migration().status()).isEqualTo(Migration.MIGRATING);
        assertThat(now(server).flavorId()).as("the flavor changes at the end").isEqualTo(FLAVOR);
        cloud.advance(Duration.ofSeconds(6));
        Server resized = now(server);
        assertThat(resized.vmState()).isEqualTo(VmState.RESIZED);
        assertThat(resized.status().name()).isEqualTo("VERIFY_RESIZE");
        assertThat(resized.flavorId()).isEqualTo(BIGGER_FLAVOR);
        assertThat(migration().status()).isEqualTo(Migration.FINISHED);
        InstanceAction resize = cloud.instanceActions(ALICE, server.id()).get(0);
        assertThat(resize.events()).extracting(InstanceActionEvent::event).containsExactly("compute_prep_resize",
                "compute_resize_instance", "compute_finish_resize");
        assertThat(resize.events()).allSatisfy(e -> assertThat(e.result()).isEqualTo("Success"));

        cloud.execute(ALICE, new Perform(server.id(), Operation.CONFIRM_RESIZE));
        assertThat(now(server).taskState()).as("Nova sets no task_state for a confirm").isEqualTo(TaskState.NONE);
        assertThat(migration().status()).isEqualTo(Migration.CONFIRMING);
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.CONFIRM_RESIZE)))
                .isInstanceOf(ComputeException.class).hasMessage("Instance has not been resized.");
        cloud.runUntilIdle();
        assertThat(now(server).vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(now(server).flavorId()).isEqualTo(BIGGER_FLAVOR);
        assertThat(migration().status()).isEqualTo(Migration.CONFIRMED);
    }

    @Test
    void aRevertGoesBackToTheOldFlavorAndTheStoppedState() {
        Server server = active();
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        cloud.runUntilIdle();
        cloud.execute(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR));
        cloud.runUntilIdle();
        assertThat(now(server).powerState()).as("resized while off").isEqualTo(PowerState.SHUTDOWN);
        cloud.execute(ALICE, new Perform(server.id(), Operation.REVERT_RESIZE));
        assertThat(now(server).status().name()).isEqualTo("REVERT_RESIZE");
        cloud.runUntilIdle();
        Server reverted = now(server);
        assertThat(reverted.vmState()).isEqualTo(VmState.STOPPED);
        assertThat(reverted.flavorId()).isEqualTo(FLAVOR);
        assertThat(migration().status()).isEqualTo(Migration.REVERTED);
    }

    @Test
    void refusalsAreNovas() {
        Server server = active();
        assertThatThrownBy(() -> cloud.execute(ALICE, new ResizeServer(server.id(), FLAVOR)))
                .hasMessage("When resizing, instances must change flavor!");
        assertThatThrownBy(() -> cloud.execute(ALICE, new ResizeServer(server.id(), "99")))
                .hasMessage("Flavor 99 could not be found.");
        assertThatThrownBy(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.CONFIRM_RESIZE)))
                .hasMessage("Cannot 'confirmResize' instance " + server.id() + " while it is in vm_state active");
    }

    @Test
    void aResizeNobodyConfirmsIsConfirmedAfterTheWindow() {
        Cloud windowed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(3), Timings.defaults()
                .withResizeConfirmWindow(Optional.of(Duration.ofMinutes(10))), new EventLog());
        Server server = windowed.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        windowed.runUntilIdle();
        windowed.execute(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR));
        windowed.advance(Duration.ofSeconds(8).plus(Duration.ofMinutes(9)));
        assertThat(windowed.server(ALICE, server.id()).vmState()).isEqualTo(VmState.RESIZED);
        windowed.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(windowed.server(ALICE, server.id()).vmState()).isEqualTo(VmState.ACTIVE);
        List<InstanceAction> actions = windowed.instanceActions(ALICE, server.id());
        assertThat(actions.get(0).action()).isEqualTo("confirmResize");
    }

    @Test
    void aDeletedServerTakesItsMigrationsWithIt() {
        Server server = active();
        cloud.execute(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR));
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE));
        cloud.runUntilIdle();
        assertThat(cloud.migrations()).isEmpty();
    }
}
