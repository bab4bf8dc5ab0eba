package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.AttachStatus;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;

import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Volumes and volume attachments (nova-semantics.md §4): Cinder's statuses follow the attachments; attach reserves a
 * device at once and completes later; detach and swap are accepted at once and complete later, rolling back on failure.
 */
final class Volumes {
    /** Microversions (2.X) that change the rules. */
    static final int SHELVED_ATTACH = 20;
    static final int MULTIATTACH = 60;
    static final int UPDATE_IN_PLACE = UpdateVolumeAttachment.UPDATE_IN_PLACE;

    private final World world;
    /** Volumes reserved as the target of a swap in flight: their status is set by the swap, not derived. */
    private final Set<String> swapTargets;

    private final Quotas quotas;

    Volumes(World world, Quotas quotas) {
        this.quotas = quotas;
        this.world = world;
        this.swapTargets = world.swapTargets;
    }

    // ---------------------------------------------------------------- Cinder volumes

    Receipt create(Caller caller, CreateVolume command, String requestId, Instant now) {
        if (command.sizeGb() < 1) {
            throw Refusal.VOLUME_SIZE_INVALID.exception();
        }
        quotas.checkVolume(caller.projectId(), command.sizeGb(), command.volumeType());
        CinderVolume volume = new CinderVolume(world.ids.uuid(), command.name(), caller.projectId(), caller.userId(),
                command.sizeGb(), VolumeStatus.CREATING, command.multiattach(), command.bootable(), "nova",
                command.description(), command.metadata(), command.volumeType(), command.sourceVolumeId(), now, now);
        world.put(volume, now);
        world.start("volume/" + volume.id(), new Job.Task.CreateVolume(volume.id()), requestId, null, 1,
                world.timings.volumeCreation(), now, Optional.empty(), -1);
        return Receipt.of(requestId, volume);
    }

    Receipt delete(Caller caller, String volumeId, String requestId, Instant now) {
        CinderVolume volume = visibleVolume(caller, volumeId, Refusal.VOLUME_NOT_FOUND);
        if ((volume.status() != VolumeStatus.AVAILABLE && volume.status() != VolumeStatus.ERROR)
                || !attachmentsOf(volumeId).isEmpty() || swapTargets.contains(volumeId)) {
            throw Refusal.VOLUME_BUSY.exception();
        }
        CinderVolume deleting = volume.withStatus(VolumeStatus.DELETING, now);
        world.put(deleting, now);
        world.start("volume/" + volume.id(), new Job.Task.DeleteVolume(volume.id()), requestId, null, 1,
                world.timings.volumeDeletion(), now, Optional.empty(), -1);
        return Receipt.of(requestId, deleting);
    }

    CinderVolume visibleVolume(Caller caller, String volumeId, Refusal notFound) {
        CinderVolume volume = world.volumes.get(volumeId);
        if (volume == null || !caller.canSee(volume.projectId())) {
            throw notFound.exception(volumeId);
        }
        return volume;
    }

    // ---------------------------------------------------------------- attach

    Receipt attach(Caller caller, AttachVolume command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.ATTACH_VOLUME);
        checkShelvedMicroversion(server, rule, command.microversion());
        rule.check(server, caller.admin());
        CinderVolume volume = visibleVolume(caller, command.volumeId(),
                Refusal.VOLUME_NOT_FOUND);
        checkNotAttached(server, volume);
        boolean offloaded = server.vmState() == VmState.SHELVED_OFFLOADED;
        if (offloaded && command.tag() != null) {
            throw Refusal.TAGGED_ATTACH_TO_SHELVED_OFFLOADED.exception();
        }
        if (offloaded && volume.multiattach()) {
            throw Refusal.MULTIATTACH_TO_SHELVED_OFFLOADED.exception();
        }
        if (volume.multiattach() && command.microversion() < MULTIATTACH) {
            throw Refusal.MULTIATTACH_NEEDS_NEWER_MICROVERSION.exception();
        }
        checkReservable(volume);
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.ATTACH_VOLUME, server.id(),
                server.name(), server.projectId()).withVolume(volume.id()), requestId, now);

        if (offloaded) {
            // Nothing runs on a host: the API attaches inline, without a device name (nova-semantics.md §4.3).
            VolumeAttachment attachment = newAttachment(server, volume, null, command.tag(),
                    command.deleteOnTermination(), false, AttachStatus.ATTACHED, now);
            world.put(attachment, now);
            refreshStatus(volume.id(), now);
            world.finishedAction(rule, server.id(), requestId, caller, "api_attach_volume", now);
            return Receipt.of(requestId, attachment);
        }
        VolumeAttachment attachment = newAttachment(server, volume, nextDevice(server.id()), command.tag(),
                command.deleteOnTermination(), false, AttachStatus.RESERVED, now);
        world.put(attachment, now);
        refreshStatus(volume.id(), now);
        world.startAction(rule, server.id(), requestId, caller, now, true);
        world.start(World.requestSlot(requestId), new Job.Task.AttachVolume(server.id(), attachment.bdmUuid()),
                requestId, Operation.ATTACH_VOLUME, 2, world.timings.of(Operation.ATTACH_VOLUME), now, fault, -1);
        return Receipt.of(requestId, attachment);
    }

    private void checkNotAttached(Server server, CinderVolume volume) {
        List<VolumeAttachment> existing = attachmentsOf(volume.id());
        if (existing.isEmpty()) {
            return;
        }
        if (!volume.multiattach()) {
            throw Refusal.VOLUME_ATTACHED_ELSEWHERE.exception(volume.id(),
                    existing.stream().map(VolumeAttachment::serverId).collect(Collectors.joining(" ")));
        }
        if (existing.stream().anyMatch(a -> a.serverId().equals(server.id()))) {
            throw Refusal.VOLUME_ALREADY_ATTACHED_HERE.exception(volume.id());
        }
    }

    /** Cinder reserves an available volume, or an in-use multiattach one. */
    private void checkReservable(CinderVolume volume) {
        boolean reservable = volume.status() == VolumeStatus.AVAILABLE
                || (volume.multiattach() && volume.status() == VolumeStatus.IN_USE);
        if (!reservable || swapTargets.contains(volume.id())) {
            throw (volume.multiattach() ? Refusal.MULTIATTACH_VOLUME_NOT_AVAILABLE : Refusal.VOLUME_NOT_AVAILABLE)
                    .exception(volume.id(), volume.status());
        }
    }

    private static void checkShelvedMicroversion(Server server, TransitionRule rule, int microversion) {
        boolean shelved = server.vmState() == VmState.SHELVED || server.vmState() == VmState.SHELVED_OFFLOADED;
        if (shelved && microversion < SHELVED_ATTACH) {
            throw Refusal.INSTANCE_INVALID_STATE.exception(rule.action(), server.id(), "vm_state", server.vmState());
        }
    }

    private VolumeAttachment newAttachment(Server server, CinderVolume volume, String device, String tag,
                                           boolean deleteOnTermination, boolean root, AttachStatus status,
                                           Instant now) {
        return new VolumeAttachment(world.ids.uuid(), world.ids.uuid(), server.id(), volume.id(), device, tag,
                deleteOnTermination, root, status, now);
    }

    /** Device names in libvirt's order: vdb to vdz, then vdaa to vdzz. */
    private static final List<String> DEVICE_NAMES = deviceNames();

    private static List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        for (char c = 'b'; c <= 'z'; c++) {
            names.add("/dev/vd" + c);
        }
        for (char first = 'a'; first <= 'z'; first++) {
            for (char second = 'a'; second <= 'z'; second++) {
                names.add("/dev/vd" + first + second);
            }
        }
        return List.copyOf(names);
    }

    /** The next free device name: libvirt picks it, whatever the request asked for. */
    private String nextDevice(String serverId) {
        Set<String> taken = new HashSet<>(4);
        for (VolumeAttachment a : world.attachments.values()) {
            if (a.serverId().equals(serverId) && a.device() != null) {
                taken.add(a.device());
            }
        }
        for (String device : DEVICE_NAMES) {
            if (!taken.contains(device)) {
                return device;
            }
        }
        throw Refusal.TOO_MANY_DISK_DEVICES.exception(DEVICE_NAMES.size());
    }

    // ---------------------------------------------------------------- detach

    Receipt detach(Caller caller, DetachVolume command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.DETACH_VOLUME);
        checkShelvedMicroversion(server, rule, command.microversion());
        CinderVolume volume = visibleVolume(caller, command.volumeId(),
                Refusal.VOLUME_NOT_FOUND);
        VolumeAttachment attachment = attachmentOf(server.id(), volume.id())
                .orElseThrow(() -> Refusal.VOLUME_NOT_ATTACHED.exception(server.id(), volume.id())
                        .explainedAs(rule.refused("volume " + volume.id() + " is not attached to the server",
                                "only an attached volume can be detached")));
        if (attachment.root()) {
            throw Refusal.CANNOT_DETACH_ROOT_VOLUME.exception().explainedAs(rule.refused("volume " + volume.id()
                    + " is the server's root volume", "the root volume cannot be detached"));
        }
        rule.check(server, caller.admin());
        if (attachment.status() != AttachStatus.ATTACHED || volume.status() != VolumeStatus.IN_USE) {
            throw Refusal.VOLUME_NOT_IN_USE.exception().explainedAs(rule.refused("volume " + volume.id() + " is "
                    + volume.status().value(), "the volume must be in-use"));
        }
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.DETACH_VOLUME, server.id(),
                server.name(), server.projectId()).withVolume(volume.id()), requestId, now);

        if (server.vmState() == VmState.SHELVED_OFFLOADED) {
            world.removeAttachment(attachment.bdmUuid(), now);
            if (attachment.deleteOnTermination() && attachmentsOf(volume.id()).isEmpty()) {
                // Nova's local cleanup deletes such a volume too (_local_cleanup_bdm_volumes).
                world.removeVolume(volume.id(), now);
            } else {
                refreshStatus(volume.id(), now);
            }
            world.finishedAction(rule, server.id(), requestId, caller, "api_detach_volume", now);
            return Receipt.of(requestId, attachment);
        }
        VolumeAttachment detaching = attachment.withStatus(AttachStatus.DETACHING);
        world.put(detaching, now);
        refreshStatus(volume.id(), now);
        world.startAction(rule, server.id(), requestId, caller, now, true);
        world.start(World.requestSlot(requestId), new Job.Task.DetachVolume(server.id(), attachment.bdmUuid()),
                requestId, Operation.DETACH_VOLUME, 1, world.timings.of(Operation.DETACH_VOLUME), now, fault, -1);
        return Receipt.of(requestId, detaching);
    }

    // ---------------------------------------------------------------- update and swap (PUT)

    Receipt update(Caller caller, UpdateVolumeAttachment command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        boolean onlySwap = command.microversion() < UPDATE_IN_PLACE;
        boolean swap = onlySwap || !command.newVolumeId().equals(command.volumeId());
        TransitionRule swapRule = TransitionTable.rule(Operation.SWAP_VOLUME);
        if (swap && !caller.admin()) {
            throw swapRule.adminPolicy().refusal();
        }
        VolumeAttachment current = null;
        if (!onlySwap) {
            current = attachmentOf(server.id(), command.volumeId())
                    .orElseThrow(() -> Refusal.NO_VOLUME_BDM.exception(command.volumeId()));
            checkImmutable(command, server, current);
        }
        // A swap is checked whole before the in-place part is applied, so a refused PUT changes nothing.
        Optional<FaultEffect> fault = Optional.empty();
        CinderVolume newVolume = null;
        VolumeAttachment swapped = null;
        if (swap) {
            CinderVolume oldVolume = visibleVolume(caller, command.volumeId(),
                    Refusal.VOLUME_NOT_FOUND);
            newVolume = visibleVolume(caller, command.newVolumeId(),
                    Refusal.VOLUME_IN_BODY_NOT_FOUND);
            swapRule.check(server, caller.admin());
            swapped = attachmentOf(server.id(), oldVolume.id())
                    .orElseThrow(() -> Refusal.SWAP_SOURCE_ELSEWHERE.exception());
            if (!attachmentsOf(newVolume.id()).isEmpty() || newVolume.status() == VolumeStatus.IN_USE) {
                throw Refusal.SWAP_TARGET_ATTACHED.exception();
            }
            if (newVolume.sizeGb() < oldVolume.sizeGb()) {
                throw Refusal.SWAP_TARGET_TOO_SMALL.exception();
            }
            if (swapped.status() != AttachStatus.ATTACHED || oldVolume.status() != VolumeStatus.IN_USE) {
                throw Refusal.VOLUME_NOT_IN_USE.exception();
            }
            checkReservable(newVolume);
            fault = world.fault(FaultTarget.server(Operation.SWAP_VOLUME, server.id(), server.name(),
                    server.projectId()).withVolume(oldVolume.id()), requestId, now);
        }
        if (current != null && command.deleteOnTermination() != null) {
            current = current.withDeleteOnTermination(command.deleteOnTermination());
            world.put(current, now);
            if (swapped != null) {
                swapped = current;
            }
        }
        if (!swap) {
            return Receipt.of(requestId, current);
        }
        VolumeAttachment detaching = swapped.withStatus(AttachStatus.DETACHING);
        world.put(detaching, now);
        refreshStatus(swapped.volumeId(), now);
        swapTargets.add(newVolume.id());
        world.put(newVolume.withStatus(VolumeStatus.RESERVED, now), now);
        world.startAction(swapRule, server.id(), requestId, caller, now, true);
        world.start(World.requestSlot(requestId), new Job.Task.SwapVolume(server.id(), swapped.bdmUuid(),
                        swapped.volumeId(), newVolume.id(), world.ids.uuid()), requestId, Operation.SWAP_VOLUME, 2,
                world.timings.of(Operation.SWAP_VOLUME), now, fault, -1);
        return Receipt.of(requestId, detaching);
    }

    private static void checkImmutable(UpdateVolumeAttachment command, Server server, VolumeAttachment current) {
        if (command.id() != null && !command.id().equals(command.volumeId())) {
            throw Refusal.NOT_MUTABLE.exception("id");
        }
        if (command.serverIdInBody() != null && !command.serverIdInBody().equals(server.id())) {
            throw Refusal.NOT_MUTABLE.exception("serverId");
        }
        if (command.device() != null && !command.device().equals(current.device())) {
            throw Refusal.NOT_MUTABLE.exception("device");
        }
        if (command.tagGiven() && !java.util.Objects.equals(command.tag(), current.tag())) {
            throw Refusal.NOT_MUTABLE.exception("tag");
        }
    }

    // ---------------------------------------------------------------- asynchronous steps

    void step(Job job, Instant at) {
        if (job.task() instanceof Job.Task.CreateVolume create) {
            world.cancel(job.key());
            CinderVolume volume = world.volumes.get(create.volumeId());
            if (volume != null && volume.status() == VolumeStatus.CREATING) {
                world.put(volume.withStatus(VolumeStatus.AVAILABLE, at), at);
            }
            return;
        }
        if (job.task() instanceof Job.Task.DeleteVolume delete) {
            world.cancel(job.key());
            world.removeVolume(delete.volumeId(), at);
            return;
        }
        if (!world.servers.containsKey(job.serverId())) {
            world.cancel(job.key());
            return;
        }
        if (job.task() instanceof Job.Task.AttachVolume attach) {
            stepAttach(job, attach, at);
        } else if (job.task() instanceof Job.Task.DetachVolume detach) {
            stepDetach(job, detach, at);
        } else if (job.task() instanceof Job.Task.SwapVolume swap) {
            stepSwap(job, swap, at);
        }
    }

    private void stepAttach(Job job, Job.Task.AttachVolume task, Instant at) {
        VolumeAttachment attachment = world.attachments.get(task.bdmUuid());
        String event = TransitionTable.rule(Operation.ATTACH_VOLUME).computeEvent();
        if (!job.failing() || !job.lastPhase()) {
            Optional<String> down = cinderDown(job, task.serverId(), Operation.ATTACH_VOLUME,
                    attachment.volumeId(), at);
            if (down.isPresent()) {
                // attachment_update (or _complete) fails, and so does the rollback's attachment_delete: Nova destroys
                // the BDM, and Cinder keeps the volume as it last saw it, reserved or attaching
                // (nova/compute/manager.py, _attach_volume and attach_volume)
                world.cancel(job.key());
                world.removeAttachment(attachment.bdmUuid(), at);
                strand(attachment.volumeId(), job.lastPhase() ? VolumeStatus.ATTACHING : VolumeStatus.RESERVED, at);
                world.finishEvent(task.serverId(), job.requestId(), event, at, down.get());
                return;
            }
        }
        if (!job.lastPhase()) {
            world.put(attachment.withStatus(AttachStatus.ATTACHING), at);
            refreshStatus(attachment.volumeId(), at);
            world.schedule(job.next());
            return;
        }
        world.cancel(job.key());
        if (job.failing()) {
            // Nova deletes the Cinder attachment and destroys the BDM: the attachment silently disappears.
            world.removeAttachment(attachment.bdmUuid(), at);
            refreshStatus(attachment.volumeId(), at);
            world.finishEvent(task.serverId(), job.requestId(), event, at, job.failure().message());
            return;
        }
        world.put(attachment.withStatus(AttachStatus.ATTACHED), at);
        refreshStatus(attachment.volumeId(), at);
        world.finishEvent(task.serverId(), job.requestId(), event, at, null);
    }

    private void stepDetach(Job job, Job.Task.DetachVolume task, Instant at) {
        world.cancel(job.key());
        VolumeAttachment attachment = world.attachments.get(task.bdmUuid());
        String event = TransitionTable.rule(Operation.DETACH_VOLUME).computeEvent();
        if (job.failing()) {
            // roll_detaching: the volume goes back to in-use and the attachment stays listed.
            if (world.rollbackFailedDetach) {
                world.put(attachment.withStatus(AttachStatus.ATTACHED), at);
                refreshStatus(attachment.volumeId(), at);
            }
            world.finishEvent(task.serverId(), job.requestId(), event, at, job.failure().message());
            return;
        }
        Optional<String> down = cinderDown(job, task.serverId(), Operation.DETACH_VOLUME, attachment.volumeId(), at);
        if (down.isPresent()) {
            // Nova's detach cannot reach Cinder, nor can its rollback: the volume stays detaching and the attachment
            // listed; a detach again is refused until an operator resets the volume (nova/compute/manager.py)
            world.finishEvent(task.serverId(), job.requestId(), event, at, down.get());
            return;
        }
        world.removeAttachment(attachment.bdmUuid(), at);
        refreshStatus(attachment.volumeId(), at);
        world.finishEvent(task.serverId(), job.requestId(), event, at, null);
    }

    private void stepSwap(Job job, Job.Task.SwapVolume task, Instant at) {
        CinderVolume target = world.volumes.get(task.newVolumeId());
        String event = TransitionTable.rule(Operation.SWAP_VOLUME).computeEvent();
        if (!job.failing() || !job.lastPhase()) {
            Optional<String> down = cinderDown(job, task.serverId(), Operation.SWAP_VOLUME, task.oldVolumeId(), at);
            if (down.isPresent()) {
                // attachment_update (or _complete) of the new volume fails, and so do roll_detaching of the old one
                // and attachment_delete of the new: the server keeps the old volume, which Cinder leaves detaching,
                // and the new one stays reserved or attaching (nova/compute/manager.py, _swap_volume)
                world.cancel(job.key());
                swapTargets.remove(task.newVolumeId());
                strand(task.newVolumeId(), job.lastPhase() ? VolumeStatus.ATTACHING : VolumeStatus.RESERVED, at);
                world.finishEvent(task.serverId(), job.requestId(), event, at, down.get());
                return;
            }
        }
        if (!job.lastPhase()) {
            world.put(target.withStatus(VolumeStatus.ATTACHING, at), at);
            world.schedule(job.next());
            return;
        }
        world.cancel(job.key());
        swapTargets.remove(task.newVolumeId());
        VolumeAttachment attachment = world.attachments.get(task.bdmUuid());
        if (job.failing()) {
            world.put(attachment.withStatus(AttachStatus.ATTACHED), at);
            world.put(target.withStatus(VolumeStatus.AVAILABLE, at), at);
            refreshStatus(task.oldVolumeId(), at);
            world.finishEvent(task.serverId(), job.requestId(), event, at, job.failure().message());
            return;
        }
        world.put(attachment.withVolume(task.newVolumeId(), task.newAttachmentId())
                .withStatus(AttachStatus.ATTACHED), at);
        refreshStatus(task.oldVolumeId(), at);
        refreshStatus(task.newVolumeId(), at);
        world.finishEvent(task.serverId(), job.requestId(), event, at, null);
    }

    // ---------------------------------------------------------------- boot volumes and teardown

    void checkBootVolume(Caller caller, String volumeId) {
        CinderVolume volume = visibleVolume(caller, volumeId, Refusal.BOOT_VOLUME_NOT_FOUND);
        if (volume.status() != VolumeStatus.AVAILABLE || swapTargets.contains(volumeId)) {
            throw Refusal.BOOT_VOLUME_NOT_AVAILABLE.exception(volumeId, volume.status());
        }
    }

    /**
     * The root volume Nova makes for a boot: a volume of the server's project, bootable when made from an image,
     * reserved as the server's root device at once (the build's block_device_mapping step makes it).
     */
    void makeRootVolume(Caller caller, Server server, io.novasim.state.command.NewRootVolume root, Instant now) {
        CinderVolume volume = new CinderVolume(world.ids.uuid(), "", server.projectId(), caller.userId(), root.sizeGb(),
                VolumeStatus.AVAILABLE, false, root.imageId() != null, server.availabilityZone(), null, Map.of(),
                CinderVolume.DEFAULT_TYPE, null, now, now);
        world.put(volume, now);
        world.put(newAttachment(server, volume, "/dev/vda", null, root.deleteOnTermination(), true,
                AttachStatus.RESERVED, now), now);
        refreshStatus(volume.id(), now);
    }

    void reserveRootVolume(Server server, String volumeId, Instant now) {
        CinderVolume volume = world.volumes.get(volumeId);
        world.put(newAttachment(server, volume, "/dev/vda", null, false, true, AttachStatus.RESERVED, now), now);
        refreshStatus(volumeId, now);
    }

    void completeRootVolume(String serverId, Instant at) {
        for (VolumeAttachment a : new ArrayList<>(world.attachments.values())) {
            if (a.serverId().equals(serverId) && a.root() && a.status() != AttachStatus.ATTACHED) {
                world.put(a.withStatus(AttachStatus.ATTACHED), at);
                refreshStatus(a.volumeId(), at);
            }
        }
    }

    /** A server is gone (or never built): its volumes are let go, and deleted where it asked for that. */
    void releaseAll(String serverId, Instant at) {
        for (VolumeAttachment a : new ArrayList<>(world.attachments.values())) {
            if (!a.serverId().equals(serverId)) {
                continue;
            }
            world.removeAttachment(a.bdmUuid(), at);
            if (a.deleteOnTermination() && attachmentsOf(a.volumeId()).isEmpty()) {
                world.removeVolume(a.volumeId(), at);
            } else {
                refreshStatus(a.volumeId(), at);
            }
        }
        for (Job job : world.jobsOf(serverId)) {
            if (job.task() instanceof Job.Task.SwapVolume swap && swapTargets.remove(swap.newVolumeId())) {
                CinderVolume target = world.volumes.get(swap.newVolumeId());
                if (target != null) {
                    world.put(target.withStatus(VolumeStatus.AVAILABLE, at), at);
                }
            }
        }
    }

    // ---------------------------------------------------------------- queries and status

    Optional<VolumeAttachment> attachmentOf(String serverId, String volumeId) {
        for (VolumeAttachment a : world.attachments.values()) {
            if (a.serverId().equals(serverId) && a.volumeId().equals(volumeId)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    List<VolumeAttachment> attachmentsOf(String volumeId) {
        return attachmentsWhere(a -> a.volumeId().equals(volumeId));
    }

    List<VolumeAttachment> attachmentsOnServer(String serverId) {
        return attachmentsWhere(a -> a.serverId().equals(serverId));
    }

    private List<VolumeAttachment> attachmentsWhere(java.util.function.Predicate<VolumeAttachment> which) {
        List<VolumeAttachment> found = new ArrayList<>();
        for (VolumeAttachment a : world.attachments.values()) {
            if (which.test(a)) {
                found.add(a);
            }
        }
        return found;
    }

    /**
     * Whether Cinder is down as the work of {@code operation} on {@code volumeId} reaches it: the outage counts as
     * fired on it, and the message is the instance action event's.
     */
    private Optional<String> cinderDown(Job job, String serverId, Operation operation, String volumeId, Instant at) {
        Server server = world.servers.get(serverId);
        return world.outageDuringWork(io.novasim.state.faults.Service.VOLUME, FaultTarget.server(operation, serverId,
                        server == null ? null : server.name(), server == null ? null : server.projectId())
                        .withVolume(volumeId), job.requestId(), at)
                .map(fired -> "Connection to cinder host failed: Cinder did not answer (fault rule "
                        + fired.ruleId() + ")");
    }

    /**
     * Leaves a volume as Cinder last saw it after work that could not reach it: its attachment there was never
     * deleted. Another attachment of a multiattach volume still shows as in-use.
     */
    private void strand(String volumeId, VolumeStatus status, Instant at) {
        CinderVolume volume = world.volumes.get(volumeId);
        if (!attachmentsOf(volumeId).isEmpty()) {
            refreshStatus(volumeId, at);
        } else if (volume != null) {
            world.put(volume.withStatus(status, at), at);
        }
    }

    /**
     * Cinder's status from the attachments: detaching while one detaches, in-use while one is attached, attaching or
     * reserved while one is on its way, available when none is left.
     */
    private void refreshStatus(String volumeId, Instant at) {
        CinderVolume volume = world.volumes.get(volumeId);
        if (volume == null || swapTargets.contains(volumeId)) {
            return;
        }
        boolean detaching = false;
        boolean attached = false;
        boolean attaching = false;
        boolean reserved = false;
        for (VolumeAttachment a : world.attachments.values()) {
            if (a.volumeId().equals(volumeId)) {
                detaching |= a.status() == AttachStatus.DETACHING;
                attached |= a.status() == AttachStatus.ATTACHED;
                attaching |= a.status() == AttachStatus.ATTACHING;
                reserved |= a.status() == AttachStatus.RESERVED;
            }
        }
        VolumeStatus status = detaching ? VolumeStatus.DETACHING
                : attached ? VolumeStatus.IN_USE
                : attaching ? VolumeStatus.ATTACHING
                : reserved ? VolumeStatus.RESERVED
                : VolumeStatus.AVAILABLE;
        world.put(volume.withStatus(status, at), at);
    }
}
