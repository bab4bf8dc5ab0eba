package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.AdminPolicy;
import io.novasim.state.rules.Operation;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import static io.novasim.state.Fixtures.ALICE;
import static io.novasim.state.Fixtures.BOB;
import static io.novasim.state.Fixtures.FLAVOR;
import static io.novasim.state.Fixtures.IMAGE;
import static io.novasim.state.Fixtures.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every refusal says which rule fired, for transcripts and logs, while the client's message stays Nova's. */
class RefusalExplanationsTest {
    private final Cloud cloud = Fixtures.cloud(3);

    private Server activeServer() {
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return server;
    }

    private static String explanation(ThrowableAssert.ThrowingCallable call) {
        ComputeException refused = catchThrowableOfType(call, ComputeException.class);
        assertThat(refused).as("refused").isNotNull();
        return refused.explanation();
    }

    @Test
    void theStateGateNamesTheFieldItsValueAndTheRule() {
        Server server = activeServer();
        Port port = cloud.interfaces(ALICE, server.id()).get(0);
        cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT));

        assertThat(explanation(() -> cloud.execute(ALICE, new DetachInterface(server.id(), port.id()))))
                .isEqualTo("detach_interface refused: task_state rebooting is not None (rule: task_state must be"
                        + " None)");
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        cloud.runUntilIdle();
        assertThat(explanation(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.PAUSE))))
                .isEqualTo("pause refused: vm_state stopped is not active (rule: vm_state must be active)");
    }

    @Test
    void anAdminPolicyRefusesOthersWithNovasTextAndNamesItself() {
        Server server = activeServer();
        assertThat(explanation(() -> cloud.execute(ALICE, new Perform(server.id(), Operation.RESET_STATE_ERROR))))
                .isEqualTo("reset_state_error refused: the caller is not an admin (rule: policy"
                        + " os_compute_api:os-admin-actions:reset_state allows only admins)");

        ComputeException refused = catchThrowableOfType(() -> AdminPolicy.allTenants(true).enforce(false),
                ComputeException.class);
        assertThat(refused.refusal()).isEqualTo(Refusal.POLICY_NOT_AUTHORIZED);
        assertThat(refused.getMessage()).isEqualTo("Policy doesn't allow os_compute_api:servers:detail:get_all_tenants"
                + " to be performed.");
        assertThat(refused.explanation()).isEqualTo("the caller is not an admin (rule: policy"
                + " os_compute_api:servers:detail:get_all_tenants allows only admins)");
        AdminPolicy.allTenants(false).enforce(true);
    }

    @Test
    void locksVisibilityVolumesAndFaultsExplainThemselves() {
        Server server = activeServer();
        cloud.execute(ALICE, new LockServer(server.id(), null));
        assertThat(explanation(() -> cloud.execute(BOB, new Perform(server.id(), Operation.STOP))))
                .isEqualTo("stop refused: the server is locked and the caller is not an admin (rule: a locked"
                        + " server accepts it only from an admin)");
        assertThat(explanation(() -> cloud.execute(MALLORY, new Perform(server.id(), Operation.STOP))))
                .isEqualTo("stop refused: server " + server.id() + " belongs to another project (rule: a server is"
                        + " seen only by its project and by admins)");

        cloud.execute(ALICE, new Perform(server.id(), Operation.UNLOCK));
        String volume = cloud.execute(ALICE, new CreateVolume("v", 1, false, false)).volume().id();
        cloud.runUntilIdle();
        assertThat(explanation(() -> cloud.execute(ALICE, new DetachVolume(server.id(), volume, 1))))
                .isEqualTo("detach_volume refused: volume " + volume + " is not attached to the server (rule: only"
                        + " an attached volume can be detached)");

        cloud.addFault(new FaultRule("outage", FaultMatch.operation(Operation.ATTACH_VOLUME),
                new FaultEffect.Error(503, "serviceUnavailable", "down"), Trigger.always()));
        assertThat(explanation(() -> cloud.execute(ALICE, AttachVolume.of(server.id(), volume))))
                .isEqualTo("attach_volume refused: fault rule outage fired (rule: the scenario's fault plan)");
    }

    @Test
    void anyOtherRefusalStillNamesTheCommandAndWhatTheApiAnswers() {
        assertThat(explanation(() -> cloud.execute(ALICE, new CreateServer("web", "no-such-flavor", IMAGE))))
                .startsWith("create_server refused: ").contains("(rule: the API answers 400 badRequest here)");
    }
}
