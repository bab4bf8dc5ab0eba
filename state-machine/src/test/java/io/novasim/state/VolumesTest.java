package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.error.ComputeException;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.AttachStatus;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DeleteVolume;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of nova-semantics.md §4.2 that the core decides, and the Cinder statuses of §4.3. */
class VolumesTest {
    private final Cloud cloud = Fixtures.cloud(21);

    private Server activeServer() {
        Server server = cloud.execute(ALICE, new CreateServer("db", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return cloud.server(ALICE, server.id());
    }

    private CinderVolume volume(int sizeGb, boolean multiattach) {
        CinderVolume volume = cloud.execute(ALICE, new CreateVolume("data", sizeGb, multiattach, false)).volume();
        assertThat(volume.status()).isEqualTo(VolumeStatus.CREATING);
        cloud.advance(Duration.ofSeconds(1));
        return cloud.volume(ALICE, volume.id());
    }

    private VolumeStatus status(CinderVolume volume) {
        return cloud.volume(ALICE, volume.id()).status();
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, int code, String message) {
        assertThatThrownBy(call).isInstanceOf(ComputeException.class).hasMessage(message)
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(code);
    }

    private void attached(Server server, CinderVolume volume) {
        cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id()));
        cloud.advance(Duration.ofSeconds(2));
        assertThat(status(volume)).isEqualTo(VolumeStatus.IN_USE);
    }

    @Test
    void attachReservesADeviceAtOnceThenTheVolumeGoesReservedAttachingInUse() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        assertThat(volume.status()).isEqualTo(VolumeStatus.AVAILABLE);

        var receipt = cloud.execute(ALICE, new AttachVolume(server.id(), volume.id(), "/dev/sdz", "db", true, 79));
        VolumeAttachment attachment = receipt.volumeAttachment();
        assertThat(attachment.device()).as("libvirt picks the name").isEqualTo("/dev/vdb");
        assertThat(attachment.tag()).isEqualTo("db");
        assertThat(attachment.deleteOnTermination()).isTrue();
        assertThat(cloud.volumeAttachments(ALICE, server.id())).containsExactly(attachment);
        assertThat(status(volume)).isEqualTo(VolumeStatus.RESERVED);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.ATTACHING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.IN_USE);
        assertThat(cloud.volumeAttachment(ALICE, server.id(), volume.id()).status()).isEqualTo(AttachStatus.ATTACHED);
        InstanceAction action = cloud.instanceAction(ALICE, server.id(), receipt.requestId());
        assertThat(action.action()).isEqualTo("attach_volume");
        assertThat(action.events().get(0).event()).isEqualTo("compute_attach_volume");
        assertThat(action.events().get(0).result()).isEqualTo("Success");

        CinderVolume second = volume(1, false);
        assertThat(cloud.execute(ALICE, AttachVolume.of(server.id(), second.id())).volumeAttachment().device())
                .isEqualTo("/dev/vdc");
    }

    @Test
    void detachNeedsAnInUseVolumeAndCompletesLater() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id()));
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 400,
                "Invalid volume: Invalid input received: Invalid volume: Unable to detach volume. Volume status must be 'in-use' and "
                        + "attach_status must be 'attached' to detach. (HTTP 400)");
        cloud.advance(Duration.ofSeconds(2));

        var receipt = cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id()));
        assertThat(status(volume)).isEqualTo(VolumeStatus.DETACHING);
        assertThat(cloud.volumeAttachments(ALICE, server.id())).as("still listed until the detach completes")
                .extracting(VolumeAttachment::volumeId).containsExactly(volume.id());
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 400,
                "Invalid volume: Invalid input received: Invalid volume: Unable to detach volume. Volume status must be 'in-use' and "
                        + "attach_status must be 'attached' to detach. (HTTP 400)");
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(cloud.volumeAttachments(ALICE, server.id())).isEmpty();
        refused(() -> cloud.volumeAttachment(ALICE, server.id(), volume.id()), 404,
                "Instance " + server.id() + " is not attached to volume " + volume.id());
        assertThat(cloud.instanceAction(ALICE, server.id(), receipt.requestId()).events().get(0).result())
                .isEqualTo("Success");
    }

    @Test
    void unknownAndUnattachedVolumesAreNotFound() {
        Server server = activeServer();
        CinderVolume some = volume(1, false);
        refused(() -> cloud.execute(ALICE, AttachVolume.of("nope", some.id())), 404,
                "Instance nope could not be found.");
        refused(() -> cloud.execute(ALICE, DetachVolume.of("nope", some.id())), 404,
                "Instance nope could not be found.");
        refused(() -> cloud.volumeAttachments(MALLORY, server.id()), 404,
                "Instance " + server.id() + " could not be found.");
        CinderVolume loose = volume(1, false);
        String missing = "99999999-8888-4777-8666-555555555555";
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), missing)), 404,
                "Volume " + missing + " could not be found.");
        refused(() -> cloud.execute(ALICE, AttachVolume.of(server.id(), missing)), 404,
                "Volume " + missing + " could not be found.");
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), loose.id())), 404,
                "Instance " + server.id() + " is not attached to volume " + loose.id());
        CinderVolume theirs = cloud.execute(MALLORY, new CreateVolume("theirs", 1, false, false)).volume();
        refused(() -> cloud.execute(ALICE, AttachVolume.of(server.id(), theirs.id())), 404,
                "Volume " + theirs.id() + " could not be found.");
    }

    @Test
    void theRootVolumeCannotBeDetached() {
        CinderVolume boot = volume(10, false);
        Server server = cloud.execute(ALICE, new CreateServer("bfv", FLAVOR, null).bootingFromVolume(boot.id()))
                .server();
        assertThat(status(boot)).isEqualTo(VolumeStatus.RESERVED);
        cloud.runUntilIdle();
        assertThat(status(boot)).isEqualTo(VolumeStatus.IN_USE);
        assertThat(cloud.volumeAttachment(ALICE, server.id(), boot.id()).device()).isEqualTo("/dev/vda");
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), boot.id())), 400,
                "Cannot detach a root device volume");
        refused(() -> cloud.execute(ALICE, new CreateServer("again", FLAVOR, null).bootingFromVolume(boot.id())), 400,
                "Invalid volume: volume '" + boot.id() + "' status must be 'available'. Currently in 'in-use'");
    }

    @Test
    void aVolumeAttachesToOneServerUnlessItIsMultiattach() {
        Server first = activeServer();
        Server second = activeServer();
        CinderVolume single = volume(1, false);
        attached(first, single);
        refused(() -> cloud.execute(ALICE, AttachVolume.of(second.id(), single.id())), 400,
                "Invalid volume: volume " + single.id() + " is already attached to instances: " + first.id());

        CinderVolume shared = volume(1, true);
        refused(() -> cloud.execute(ALICE, AttachVolume.of(first.id(), shared.id())), 400,
                "Multiattach volumes are only supported starting with compute API version 2.60.");
        cloud.execute(ALICE, new AttachVolume(first.id(), shared.id(), null, null, false, 60));
        cloud.advance(Duration.ofSeconds(2));
        cloud.execute(ALICE, new AttachVolume(second.id(), shared.id(), null, null, false, 60));
        assertThat(status(shared)).as("a multiattach volume stays in-use while another attaches")
                .isEqualTo(VolumeStatus.IN_USE);
        cloud.advance(Duration.ofSeconds(2));
        assertThat(cloud.attachmentsOfVolume(ALICE, shared.id())).hasSize(2);
        refused(() -> cloud.execute(ALICE, new AttachVolume(first.id(), shared.id(), null, null, false, 60)), 400,
                "Invalid volume: volume " + shared.id() + " already attached");
    }

    @Test
    void theServersStateGatesVolumeAttachAndDetach() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        attached(server, volume);
        CinderVolume other = volume(1, false);
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 409,
                "Cannot 'detach_volume' instance " + server.id() + " while it is in task_state powering-off");
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.RESCUE));
        cloud.runUntilIdle();
        refused(() -> cloud.execute(ALICE, AttachVolume.of(server.id(), other.id())), 409,
                "Cannot 'attach_volume' instance " + server.id() + " while it is in vm_state rescued");
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 409,
                "Cannot 'detach_volume' instance " + server.id() + " while it is in vm_state rescued");
        cloud.execute(ALICE, new Perform(server.id(), Operation.UNRESCUE));
        cloud.runUntilIdle();
        cloud.execute(ALICE, new LockServer(server.id(), "backup running"));
        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 409,
                "Instance " + server.id() + " is locked");
    }

    @Test
    void shelvedOffloadedServersAttachAndDetachInlineFromMicroversion220() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        cloud.execute(ALICE, new Perform(server.id(), Operation.SHELVE));
        cloud.runUntilIdle();
        assertThat(cloud.server(ALICE, server.id()).vmState()).isEqualTo(VmState.SHELVED_OFFLOADED);

        refused(() -> cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id())), 409,
                "Cannot 'attach_volume' instance " + server.id() + " while it is in vm_state shelved_offloaded");
        refused(() -> cloud.execute(ALICE, new AttachVolume(server.id(), volume.id(), null, "t", false, 20)), 400,
                "Tagged volume attachment is not supported for shelved-offloaded instances.");
        var receipt = cloud.execute(ALICE, new AttachVolume(server.id(), volume.id(), null, null, false, 20));
        assertThat(receipt.volumeAttachment().device()).isNull();
        assertThat(status(volume)).isEqualTo(VolumeStatus.IN_USE);
        assertThat(cloud.instanceAction(ALICE, server.id(), receipt.requestId()).events())
                .extracting("event", "result")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api_attach_volume", "Success"));

        refused(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())), 409,
                "Cannot 'detach_volume' instance " + server.id() + " while it is in vm_state shelved_offloaded");
        cloud.execute(ALICE, new DetachVolume(server.id(), volume.id(), 20));
        assertThat(status(volume)).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(cloud.volumeAttachments(ALICE, server.id())).isEmpty();

        cloud.execute(ALICE, new AttachVolume(server.id(), volume.id(), null, null, true, 79));
        cloud.execute(ALICE, new DetachVolume(server.id(), volume.id(), 79));
        assertThat(cloud.volumes(ALICE)).as("Nova's local cleanup deletes it on termination")
                .extracting(CinderVolume::id).doesNotContain(volume.id());
    }

    @Test
    void aFailedAttachVanishesAndAFailedDetachRollsBack() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        cloud.addFault(new FaultRule("attach-once", FaultMatch.operation(Operation.ATTACH_VOLUME),
                new FaultEffect.FailCompletion(500, "connector refused"), Trigger.nextCalls(1)));
        String failedAttach = cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id())).requestId();
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.ATTACHING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(cloud.volumeAttachments(ALICE, server.id())).isEmpty();
        assertThat(status(volume)).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(cloud.instanceAction(ALICE, server.id(), failedAttach).message()).isEqualTo("Error");

        attached(server, volume);
        cloud.addFault(new FaultRule("detach-once", FaultMatch.operation(Operation.DETACH_VOLUME),
                new FaultEffect.FailCompletion(500, "device still in use"), Trigger.nextCalls(1)));
        String failedDetach = cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())).requestId();
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.IN_USE);
        assertThat(cloud.volumeAttachment(ALICE, server.id(), volume.id()).status()).isEqualTo(AttachStatus.ATTACHED);
        assertThat(cloud.instanceAction(ALICE, server.id(), failedDetach).events().get(0).traceback())
                .isEqualTo("device still in use");
        cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id()));
        cloud.advance(Duration.ofSeconds(1));
        assertThat(status(volume)).isEqualTo(VolumeStatus.AVAILABLE);
    }

    @Test
    void swapIsForAdminsAndMovesTheAttachmentToTheNewVolume() {
        Server server = activeServer();
        CinderVolume old = volume(2, false);
        CinderVolume bigger = volume(3, false);
        CinderVolume smaller = volume(1, false);
        attached(server, old);
        refused(() -> cloud.execute(ALICE, UpdateVolumeAttachment.swap(server.id(), old.id(), bigger.id())), 403,
                "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed.");
        refused(() -> cloud.execute(ADMIN, UpdateVolumeAttachment.swap(server.id(), old.id(), smaller.id())), 400,
                "Invalid volume: New volume must be the same size or larger.");
        String device = cloud.volumeAttachment(ALICE, server.id(), old.id()).device();

        String requestId = cloud.execute(ADMIN, UpdateVolumeAttachment.swap(server.id(), old.id(), bigger.id()))
                .requestId();
        assertThat(status(old)).isEqualTo(VolumeStatus.DETACHING);
        assertThat(status(bigger)).isEqualTo(VolumeStatus.RESERVED);
        cloud.advance(Duration.ofMillis(1500));
        assertThat(status(bigger)).isEqualTo(VolumeStatus.ATTACHING);
        cloud.advance(Duration.ofMillis(1500));
        assertThat(status(old)).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(status(bigger)).isEqualTo(VolumeStatus.IN_USE);
        VolumeAttachment now = cloud.volumeAttachment(ALICE, server.id(), bigger.id());
        assertThat(now.device()).isEqualTo(device);
        assertThat(cloud.instanceAction(ALICE, server.id(), requestId).action()).isEqualTo("swap_volume");

        CinderVolume attachedElsewhere = volume(3, false);
        attached(activeServer(), attachedElsewhere);
        refused(() -> cloud.execute(ADMIN, UpdateVolumeAttachment.swap(server.id(), bigger.id(),
                attachedElsewhere.id())), 400, "Invalid volume: New volume must be detached in order to swap.");
        String missing = "99999999-8888-4777-8666-555555555555";
        refused(() -> cloud.execute(ADMIN, UpdateVolumeAttachment.swap(server.id(), bigger.id(), missing)), 400,
                "Volume " + missing + " could not be found.");
    }

    @Test
    void fromMicroversion285TheSameVolumeUpdatesDeleteOnTerminationOnly() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        attached(server, volume);
        cloud.execute(ALICE, UpdateVolumeAttachment.deleteOnTermination(server.id(), volume.id(), true));
        assertThat(cloud.volumeAttachment(ALICE, server.id(), volume.id()).deleteOnTermination()).isTrue();
        refused(() -> cloud.execute(ALICE, new UpdateVolumeAttachment(server.id(), volume.id(), volume.id(), null,
                null, null, "/dev/vdq", null, false, 85)), 400, "The device property is not mutable");
        refused(() -> cloud.execute(ALICE, new UpdateVolumeAttachment(server.id(), volume.id(), volume.id(), null,
                null, null, null, "new-tag", true, 85)), 400, "The tag property is not mutable");
        CinderVolume loose = volume(1, false);
        refused(() -> cloud.execute(ALICE, UpdateVolumeAttachment.deleteOnTermination(server.id(), loose.id(),
                true)), 404, "No volume Block Device Mapping with id " + loose.id() + ".");

        cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE));
        cloud.runUntilIdle();
        assertThatThrownBy(() -> cloud.volume(ALICE, volume.id())).as("deleted on termination")
                .hasMessage("Volume " + volume.id() + " could not be found.");
    }

    @Test
    void deletingAServerFreesItsVolumes() {
        Server server = activeServer();
        CinderVolume volume = volume(1, false);
        attached(server, volume);
        refused(() -> cloud.execute(ALICE, new DeleteVolume(volume.id())), 400,
                "Invalid volume: Volume status must be available or error or error_restoring or error_extending or "
                        + "error_managing and must not be migrating, attached, belong to a group, have snapshots or "
                        + "be disassociated from snapshots after volume transfer.");
        cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE));
        cloud.runUntilIdle();
        assertThat(status(volume)).isEqualTo(VolumeStatus.AVAILABLE);
        cloud.execute(ALICE, new DeleteVolume(volume.id()));
        assertThat(status(volume)).isEqualTo(VolumeStatus.DELETING);
        cloud.runUntilIdle();
        assertThat(cloud.volumes(ALICE)).isEmpty();
    }

    @Test
    void aVolumeKeepsWhoCreatedItAndWhatItWasGivenThroughItsStatusChanges() {
        CinderVolume source = volume(1, false);
        CinderVolume clone = cloud.execute(BOB, new CreateVolume("clone", 2, false, false, "a copy",
                Map.of("tier", "gold", "app", "db"), "fast", source.id())).volume();
        cloud.advance(Duration.ofSeconds(1));
        CinderVolume available = cloud.volume(ALICE, clone.id());
        assertThat(available.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(available.userId()).isEqualTo("bob");
        assertThat(available.description()).isEqualTo("a copy");
        assertThat(available.metadata()).containsExactly(Map.entry("app", "db"), Map.entry("tier", "gold"));
        assertThat(available.volumeType()).isEqualTo("fast");
        assertThat(available.sourceVolumeId()).isEqualTo(source.id());
        assertThat(source.userId()).isEqualTo("alice");
        assertThat(source.volumeType()).as("no type named: Cinder's default").isEqualTo(CinderVolume.DEFAULT_TYPE);
        assertThat(source.description()).isNull();
        assertThat(source.metadata()).isEmpty();
    }
}
