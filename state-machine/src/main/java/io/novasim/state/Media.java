package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.media.MediaStatus;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Receipt;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bare-metal virtual media (seed 002): {@code media-attach} and {@code media-detach} of an image, accepted only while
 * task_state is None, and asynchronous: the server shows {@code media_attaching} / {@code media_detaching} and the
 * media shows as attaching or detaching until the work completes.
 */
final class Media {
    private final World world;

    Media(World world) {
        this.world = world;
    }

    Receipt attach(Caller caller, String serverId, String imageId, String requestId, Instant now) {
        Server server = world.visibleServer(caller, serverId);
        world.catalog.image(imageId).orElseThrow(() -> Refusal.IMAGE_NOT_FOUND.exception(imageId));
        TransitionRule rule = TransitionTable.rule(Operation.MEDIA_ATTACH);
        rule.check(server, caller.admin());
        if (world.media.containsKey(World.mediaKey(serverId, imageId))) {
            throw Refusal.MEDIA_ALREADY_ATTACHED.exception(imageId, serverId);
        }
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.MEDIA_ATTACH, server.id(),
                server.name(), server.projectId()).withImage(imageId), requestId, now);
        Server busy = server.withTaskState(rule.phases().get(0), now);
        world.put(busy, now);
        world.put(new MediaAttachment(serverId, imageId, MediaStatus.ATTACHING, now), now);
        world.startAction(rule, serverId, requestId, caller, now, true);
        world.start(World.mediaSlot(serverId), new Job.Task.AttachMedia(serverId, imageId), requestId,
                Operation.MEDIA_ATTACH, 1, world.timings.of(Operation.MEDIA_ATTACH), now, fault, -1);
        return Receipt.of(requestId, busy);
    }

    Receipt detach(Caller caller, String serverId, String imageId, String requestId, Instant now) {
        Server server = world.visibleServer(caller, serverId);
        world.catalog.image(imageId).orElseThrow(() -> Refusal.IMAGE_NOT_FOUND.exception(imageId));
        TransitionRule rule = TransitionTable.rule(Operation.MEDIA_DETACH);
        rule.check(server, caller.admin());
        MediaAttachment attached = world.media.get(World.mediaKey(serverId, imageId));
        if (attached == null || attached.status() != MediaStatus.ATTACHED) {
            throw Refusal.MEDIA_NOT_ATTACHED.exception(imageId, serverId);
        }
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.MEDIA_DETACH, server.id(),
                server.name(), server.projectId()).withImage(imageId), requestId, now);
        Server busy = server.withTaskState(rule.phases().get(0), now);
        world.put(busy, now);
        world.put(attached.withStatus(MediaStatus.DETACHING), now);
        world.startAction(rule, serverId, requestId, caller, now, true);
        world.start(World.mediaSlot(serverId), new Job.Task.DetachMedia(serverId, imageId), requestId,
                Operation.MEDIA_DETACH, 1, world.timings.of(Operation.MEDIA_DETACH), now, fault, -1);
        return Receipt.of(requestId, busy);
    }

    void step(Job job, Instant at) {
        world.cancel(job.key());
        Server server = world.servers.get(job.serverId());
        if (server == null) {
            return;
        }
        world.put(server.withTaskState(TaskState.NONE, at), at);
        String event = TransitionTable.rule(job.operation()).computeEvent();
        if (job.failing()) {
            abandon(job, at);
            world.finishEvent(job.serverId(), job.requestId(), event, at, job.failure().message());
            return;
        }
        boolean attaching = job.task() instanceof Job.Task.AttachMedia;
        String imageId = imageOf(job);
        MediaAttachment media = world.media.get(World.mediaKey(job.serverId(), imageId));
        if (attaching) {
            world.put(media.withStatus(MediaStatus.ATTACHED), at);
        } else {
            world.removeMedia(job.serverId(), imageId, at);
        }
        world.finishEvent(job.serverId(), job.requestId(), event, at, null);
    }

    /** Media work that did not finish (it failed, was reset or superseded): the media goes back to how it was. */
    void abandon(Job job, Instant at) {
        String imageId = imageOf(job);
        MediaAttachment media = world.media.get(World.mediaKey(job.serverId(), imageId));
        if (media == null) {
            return;
        }
        if (media.status() == MediaStatus.ATTACHING) {
            world.removeMedia(job.serverId(), imageId, at);
        } else if (media.status() == MediaStatus.DETACHING) {
            world.put(media.withStatus(MediaStatus.ATTACHED), at);
        }
    }

    static boolean isMedia(Job job) {
        return job.task() instanceof Job.Task.AttachMedia || job.task() instanceof Job.Task.DetachMedia;
    }

    private static String imageOf(Job job) {
        return job.task() instanceof Job.Task.AttachMedia attach ? attach.imageId()
                : ((Job.Task.DetachMedia) job.task()).imageId();
    }

    List<MediaAttachment> of(String serverId) {
        List<MediaAttachment> found = new ArrayList<>();
        for (MediaAttachment m : world.media.values()) {
            if (m.serverId().equals(serverId)) {
                found.add(m);
            }
        }
        return found;
    }

    void releaseAll(String serverId, Instant at) {
        for (MediaAttachment m : of(serverId)) {
            world.removeMedia(serverId, m.imageId(), at);
        }
    }
}
