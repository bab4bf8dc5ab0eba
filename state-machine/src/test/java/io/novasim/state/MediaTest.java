package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.media.MediaStatus;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 002's media rules: accepted only while task_state is None, asynchronous, visible on the server. */
class MediaTest {
    private final Cloud cloud = Fixtures.cloud(31);

    private Server activeServer() {
        Server server = cloud.execute(ALICE, new CreateServer("metal", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return server;
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, int code, String message) {
        assertThatThrownBy(call).isInstanceOf(ComputeException.class).hasMessage(message)
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(code);
    }

    @Test
    void mediaAttachesAndDetachesAsynchronously() {
        Server server = activeServer();
        String attach = cloud.execute(ALICE, new AttachMedia(server.id(), ISO)).requestId();
        assertThat(cloud.mediaAttachments(ALICE, server.id())).singleElement()
                .extracting(MediaAttachment::status).isEqualTo(MediaStatus.ATTACHING);
        assertThat(cloud.server(ALICE, server.id()).taskState()).isEqualTo(TaskState.MEDIA_ATTACHING);
        String port = cloud.interfaces(ALICE, server.id()).get(0).id();
        refused(() -> cloud.execute(ALICE, new DetachInterface(server.id(), port)), 409,
                "Cannot 'detach_interface' instance " + server.id() + " while it is in task_state media_attaching");
        refused(() -> cloud.execute(ALICE, new AttachMedia(server.id(), IMAGE)), 409,
                "Cannot 'media-attach' instance " + server.id() + " while it is in task_state media_attaching");
        cloud.advance(Duration.ofSeconds(2));
        assertThat(cloud.server(ALICE, server.id()).taskState()).isEqualTo(TaskState.NONE);
        assertThat(cloud.mediaAttachments(ALICE, server.id())).singleElement()
                .extracting(MediaAttachment::status).isEqualTo(MediaStatus.ATTACHED);
        assertThat(cloud.instanceAction(ALICE, server.id(), attach).action()).isEqualTo("media-attach");

        assertThat(cloud.execute(ALICE, new DetachMedia(server.id(), ISO)).server().taskState())
                .isEqualTo(TaskState.MEDIA_DETACHING);
        assertThat(cloud.mediaAttachments(ALICE, server.id())).singleElement()
                .extracting(MediaAttachment::status).isEqualTo(MediaStatus.DETACHING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(cloud.mediaAttachments(ALICE, server.id())).isEmpty();
    }

    @Test
    void mediaActionsAreAcceptedOnlyWhenTaskStateIsNone() {
        Server server = activeServer();
        cloud.execute(ALICE, new AttachMedia(server.id(), ISO));
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT));
        CloudState before = cloud.state();
        refused(() -> cloud.execute(ALICE, new DetachMedia(server.id(), ISO)), 409,
                "Cannot 'media-detach' instance " + server.id() + " while it is in task_state rebooting");
        refused(() -> cloud.execute(ALICE, new AttachMedia(server.id(), IMAGE)), 409,
                "Cannot 'media-attach' instance " + server.id() + " while it is in task_state rebooting");
        assertThat(cloud.state()).isEqualTo(before);
        cloud.runUntilIdle();
        cloud.execute(ALICE, new DetachMedia(server.id(), ISO));
    }

    @Test
    void unknownImagesDoubleAttachesAndMissingMediaGetClearErrors() {
        Server server = activeServer();
        String missing = "deadbeef-0000-4000-8000-000000000000";
        refused(() -> cloud.execute(ALICE, new AttachMedia(server.id(), missing)), 404,
                "Image " + missing + " could not be found.");
        refused(() -> cloud.execute(ALICE, new DetachMedia(server.id(), ISO)), 404,
                "Media " + ISO + " is not attached to server " + server.id());
        cloud.execute(ALICE, new AttachMedia(server.id(), ISO));
        cloud.runUntilIdle();
        refused(() -> cloud.execute(ALICE, new AttachMedia(server.id(), ISO)), 409,
                "Media " + ISO + " is already attached to server " + server.id());
        refused(() -> cloud.execute(ALICE, new DetachMedia(server.id(), IMAGE)), 404,
                "Media " + IMAGE + " is not attached to server " + server.id());
        refused(() -> cloud.execute(MALLORY, new AttachMedia(server.id(), ISO)), 404,
                "Instance " + server.id() + " could not be found.");
    }

    @Test
    void aResetOrADeleteCutsMediaWorkShort() {
        Server server = activeServer();
        cloud.execute(ALICE, new AttachMedia(server.id(), ISO));
        cloud.execute(ADMIN, new Perform(server.id(), Operation.RESET_STATE_ACTIVE));
        assertThat(cloud.mediaAttachments(ALICE, server.id())).isEmpty();
        assertThat(cloud.server(ALICE, server.id()).taskState()).isEqualTo(TaskState.NONE);
        cloud.advance(Duration.ofSeconds(5));
        assertThat(cloud.mediaAttachments(ALICE, server.id())).isEmpty();
    }

    @Test
    void mediaWorkKeepsAShelvedServersOffloadTimer() {
        Cloud cloud = new Cloud(CATALOG, new io.novasim.state.time.VirtualClock(),
                new io.novasim.state.ids.SeededIdSource(3), io.novasim.state.time.Timings.defaults()
                .withShelvedOffloadAfter(java.util.Optional.of(Duration.ofSeconds(30))),
                io.novasim.state.log.EventListener.NONE);
        Server server = cloud.execute(ALICE, new CreateServer("metal", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.SHELVE));
        cloud.advance(Duration.ofSeconds(6));
        cloud.execute(ALICE, new AttachMedia(server.id(), ISO));
        cloud.advance(Duration.ofSeconds(40));
        assertThat(cloud.server(ALICE, server.id()).vmState()).isEqualTo(io.novasim.model.server.VmState.SHELVED_OFFLOADED);
        assertThat(cloud.mediaAttachments(ALICE, server.id())).singleElement()
                .extracting(MediaAttachment::status).isEqualTo(MediaStatus.ATTACHED);
    }

    @Test
    void aFailedMediaAttachVanishes() {
        Server server = activeServer();
        cloud.addFault(new FaultRule("bmc", FaultMatch.operation(Operation.MEDIA_ATTACH).onImage(ISO),
                new FaultEffect.FailCompletion(500, "BMC virtual media timeout"), Trigger.always()));
        String requestId = cloud.execute(ALICE, new AttachMedia(server.id(), ISO)).requestId();
        cloud.runUntilIdle();
        assertThat(cloud.mediaAttachments(ALICE, server.id())).isEmpty();
        assertThat(cloud.instanceAction(ALICE, server.id(), requestId).message()).isEqualTo("Error");
    }
}
