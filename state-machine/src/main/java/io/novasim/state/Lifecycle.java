package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.image.GlanceImage;
import io.novasim.model.server.ServerDetails;
import io.novasim.model.server.ServerFault;
import io.novasim.model.server.ServerLock;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Networks;
import io.novasim.state.command.RebuildServer;
import io.novasim.state.command.MigrateServer;
import io.novasim.state.command.CreateServerBackup;
import io.novasim.state.command.LiveMigrateServer;
import io.novasim.state.command.EvacuateServer;
import io.novasim.state.command.SetComputeServiceDown;
import io.novasim.state.command.ResizeServer;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.migration.Migration;
import io.novasim.state.command.CreateServerImage;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateServer;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.rules.AdminPolicy;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server lifecycle: create, delete and every server action of {@link TransitionTable}. */
final class Lifecycle {
    private final World world;
    private final Interfaces interfaces;
    private final Volumes volumes;
    private final Media media;
    private final Keypairs keypairs;
    private final Images images;
    private final Migrations migrations;
    private final Placement placement;
    private final ServerGroups serverGroups;
    private final Quotas quotas;

    /** Nova's answer when the scheduler finds no host (NoValidHost), as the failed build's fault says it. */
    static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";

    /** The compute host's further events of a resize, each begun as its task_state is entered. */
    private static final java.util.Map<TaskState, String> RESIZE_EVENTS = java.util.Map.of(
            TaskState.RESIZE_MIGRATING, "compute_resize_instance", TaskState.RESIZE_FINISH, "compute_finish_resize");

    Lifecycle(World world, Interfaces interfaces, Volumes volumes, Media media, Keypairs keypairs, Images images,
              Migrations migrations, ServerGroups serverGroups, Quotas quotas) {
        this.world = world;
        this.interfaces = interfaces;
        this.volumes = volumes;
        this.media = media;
        this.keypairs = keypairs;
        this.images = images;
        this.migrations = migrations;
        this.placement = new Placement(world);
        this.serverGroups = serverGroups;
        this.quotas = quotas;
    }

    /**
     * Boots one server, or a multi-create's {@code count}: every check, address and fault decision is made for all of
     * them before the first is stored, so a refusal leaves nothing behind. They share the request id, as Nova's do.
     */
    Receipt create(Caller caller, CreateServer command, String requestId, Instant now) {
        if (command.name().isBlank()) {
            throw nameTooShort(command.name());
        }
        String flavorId = command.flavorId();
        Flavor flavor = world.catalog.flavor(flavorId)
                .orElseThrow(() -> Refusal.FLAVOR_IN_BODY_NOT_FOUND.exception(flavorId));
        // Nova asks Glance for the image, then Neutron for the networks, then counts its quotas (_create_instance)
        FaultTarget boot = FaultTarget.server(Operation.CREATE, null, command.nameOf(0), caller.projectId())
                .withImage(command.bootVolumeId() == null ? command.imageId() : null);
        if (command.imageId() != null && command.bootVolumeId() == null) {
            world.requireUp(io.novasim.state.faults.Service.IMAGE, boot, requestId, now);
        }
        if (command.imageId() != null) {
            String status = images.statusSeenBy(caller, command.imageId())
                    .orElseThrow(() -> Refusal.IMAGE_IN_BODY_NOT_FOUND.exception());
            if (!status.equals(GlanceImage.ACTIVE)) {
                throw Refusal.IMAGE_NOT_ACTIVE.exception(command.imageId());
            }
        } else if (command.bootVolumeId() == null && command.rootVolume() == null) {
            throw Refusal.MISSING_IMAGE_REF.exception();
        }
        if (command.rootVolume() != null) {
            checkNewRootVolume(caller, command.rootVolume());
        }
        if (command.count() > 1) {
            checkMultiCreate(command);
        }
        if (command.bootVolumeId() != null) {
            volumes.checkBootVolume(caller, command.bootVolumeId());
        }
        world.requireUp(io.novasim.state.faults.Service.NETWORK, boot, requestId, now);
        List<String> groupIds = interfaces.resolveGroups(caller, command.securityGroups());
        IpUsage.Draft addresses = world.ipUsage.draft();
        List<Interfaces.BootPlan> plans = new ArrayList<>(command.count());
        for (int i = 0; i < command.count(); i++) {
            plans.add(interfaces.planBootPorts(caller, command.networks(), addresses));
        }
        // Nova asks Neutron how many servers' new ports the port quota holds, and boots no more (validate_networks)
        int portsFit = quotas.portsAllowFor(caller.projectId(), plans.get(0).networks().size(), command.count());
        // Nova looks the key pair up after the networks (_validate_and_build_base_options), as the user's own, and
        // only then refuses a port quota too small for min_count; the metadata quota it counts after both.
        if (command.keyName() != null && !keypairs.holds(caller, command.keyName())) {
            throw Refusal.INVALID_KEY_NAME.exception();
        }
        if (portsFit < command.minCount()) {
            throw Refusal.PORT_LIMIT_EXCEEDED.exception();
        }
        quotas.checkMetadata(caller.projectId(), command.metadata().size());
        io.novasim.model.server.ServerGroup group = null;
        if (command.groupId() != null) {
            group = world.serverGroups.get(command.groupId());
            if (group == null || !caller.canSee(group.projectId())) {
                throw Refusal.SERVER_GROUP_IN_BODY_NOT_FOUND.exception(command.groupId());
            }
        }
        // Nova provisions as many as the quota holds, from min_count to max_count, each named for that many
        int allowed = quotas.instancesAllowed(caller.projectId(), flavor, command.minCount(),
                Math.min(command.count(), portsFit));
        if (allowed != command.count()) {
            command = command.times(allowed);
            plans = plans.subList(0, allowed);
        }
        if (group != null) {
            quotas.checkGroupMembers(caller, group, command.count());
        }
        List<Optional<FaultEffect>> faults = new ArrayList<>(command.count());
        for (int i = 0; i < command.count(); i++) {
            faults.add(world.fault(FaultTarget.server(Operation.CREATE, null, command.nameOf(i), caller.projectId())
                    .withImage(command.bootVolumeId() == null ? command.imageId() : null), requestId, now));
        }

        TransitionRule rule = TransitionTable.rule(Operation.CREATE);
        List<Server> created = new ArrayList<>(command.count());
        String sharedReservation = null;
        for (int i = 0; i < command.count(); i++) {
            String id = world.ids.uuid();
            ServerDetails details = ServerDetails.of(command.nameOf(i), command.keyName(), command.userData(),
                    command.description(), command.tags(), sharedReservation, i, command.hostname());
            Server server = new Server(id, command.nameOf(i), caller.projectId(), caller.userId(),
                    command.flavorId(), command.imageId(), command.availabilityZone(), command.metadata(),
                    VmState.BUILDING, rule.phases().get(0), PowerState.NOSTATE, null, null, now, now, null, details,
                    null);
            if (i == 0 && command.count() > 1) {
                // The first server's id makes the request's reservation; the others keep that one string.
                sharedReservation = server.reservationId();
            }
            world.put(server, now);
            if (command.groupId() != null) {
                serverGroups.join(command.groupId(), server.id());
            }
            interfaces.bindBootPorts(server, plans.get(i), groupIds, now);
            if (command.bootVolumeId() != null) {
                volumes.reserveRootVolume(server, command.bootVolumeId(), now);
            }
            if (command.rootVolume() != null) {
                volumes.makeRootVolume(caller, server, command.rootVolume(), now);
            }
            world.startAction(rule, server.id(), requestId, caller, now, true);
            startWork(server, rule, requestId, now, faults.get(i));
            created.add(server);
        }
        return new Receipt(requestId, created.get(0), world.ids.password(), null, null, null, created, null, null,
                false);
    }

    /** Nova's checks of a root volume it is to make (compute/api.py _validate_bdm). */
    private void checkNewRootVolume(Caller caller, io.novasim.state.command.NewRootVolume volume) {
        if (volume.imageId() != null) {
            images.statusSeenBy(caller, volume.imageId())
                    .orElseThrow(() -> Refusal.INVALID_BDM_IMAGE.exception(volume.imageId()));
            if (volume.sizeGb() < 1) {
                throw Refusal.INVALID_BDM_IMAGE_SIZE.exception();
            }
        } else if (volume.sizeGb() < 1) {
            throw Refusal.INVALID_BDM_BLANK_SIZE.exception();
        }
    }

    /** What Nova refuses of a multi-create before it builds anything (nova/compute/api.py). */
    private static void checkMultiCreate(CreateServer command) {
        if (command.bootVolumeId() != null) {
            throw Refusal.MULTI_CREATE_WITH_VOLUME.exception();
        }
        for (Networks.NetworkRequest request : command.networks().requests()) {
            if (request.portId() != null) {
                throw Refusal.MULTI_CREATE_WITH_PORT.exception();
            }
        }
        for (Networks.NetworkRequest request : command.networks().requests()) {
            if (request.fixedIp() != null) {
                throw Refusal.MULTI_CREATE_WITH_FIXED_IP.exception();
            }
        }
        if (command.hostname() != null) {
            throw Refusal.HOSTNAME_FOR_MULTIPLE_INSTANCES.exception();
        }
    }

    /** A blank name, as Nova's schema words it (the name is stripped before its length is checked). */
    private static ComputeException nameTooShort(String name) {
        return Refusal.INVALID_INPUT.exception("name", name, Refusal.Reason.TOO_SHORT.text("'" + name + "'"));
    }

    /** Applies a server update's fields together: see {@link UpdateServer}. */
    Receipt update(Caller caller, UpdateServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        if (command.name() != null && command.name().isBlank()) {
            throw nameTooShort(command.name());
        }
        if (command.changesNothing()) {
            return Receipt.of(requestId, server); // Nova saves nothing, so not even the update time changes
        }
        ServerDetails details = server.details();
        if (details.describedByName() && command.name() != null) {
            details = details.withDescription(server.name()); // Nova keeps the description the old name gave it
        }
        if (command.descriptionGiven()) {
            details = details.withDescription(command.description());
        }
        if (command.hostname() != null) {
            details = details.withHostname(command.hostname());
        } else if (command.name() != null
                && !ServerDetails.hostnameFrom(command.name(), server.id()).equals(server.hostname())) {
            // Nova's hostname does not follow the name: keep the one the old name made.
            details = details.withHostname(server.hostname());
        }
        Server updated = (command.name() == null ? server : server.withName(command.name(), now))
                .withDetails(details, now);
        world.put(updated, now);
        return Receipt.of(requestId, updated);
    }

    /**
     * Boots the server again from an image, in Nova's order: the lock and state gate, the key pair, the image, then
     * the metadata quota; what the request sends is applied at once, with task_state rebuilding.
     */
    Receipt rebuild(Caller caller, RebuildServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.REBUILD);
        rule.check(server, caller.admin());
        if (command.name() != null && command.name().isBlank()) {
            throw nameTooShort(command.name());
        }
        if (command.keyNameGiven() && command.keyName() != null && !keypairs.holds(caller, command.keyName())) {
            throw Refusal.INVALID_KEY_NAME.exception();
        }
        String imageStatus = images.statusSeenBy(caller, command.imageId())
                .orElseThrow(() -> Refusal.REBUILD_IMAGE_NOT_FOUND.exception());
        boolean volumeBacked = server.imageId() == null;
        if (volumeBacked && !command.reimageBootVolume()) {
            // Nova compares with the root volume's image; the simulator keeps none, so every image is a new one
            throw Refusal.REBUILD_VOLUME_BACKED.exception(command.imageId());
        }
        if (!imageStatus.equals(GlanceImage.ACTIVE)) {
            throw Refusal.IMAGE_NOT_ACTIVE.exception(command.imageId());
        }
        if (command.metadata() != null) {
            quotas.checkMetadata(caller.projectId(), command.metadata().size());
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.REBUILD, server.id(), server.name(), server.projectId()), requestId, now);

        Server rebuilt = volumeBacked ? server : server.withImage(command.imageId(), now);
        if (command.name() != null) {
            rebuilt = rebuilt.withName(command.name(), now);
        }
        if (command.metadata() != null) {
            rebuilt = rebuilt.withMetadata(command.metadata(), now);
        }
        ServerDetails details = rebuilt.details();
        if (details.describedByName() && command.name() != null) {
            details = details.withDescription(server.name());
        }
        if (command.descriptionGiven()) {
            details = details.withDescription(command.description());
        }
        if (command.keyNameGiven()) {
            details = details.withKeyName(command.keyName());
        }
        if (command.userDataGiven()) {
            details = details.withUserData(command.userData());
        }
        if (command.hostname() != null) {
            details = details.withHostname(command.hostname());
        } else if (command.name() != null
                && !ServerDetails.hostnameFrom(command.name(), server.id()).equals(server.hostname())) {
            details = details.withHostname(server.hostname());
        }
        Server busy = begin(rebuilt.withDetails(details, now), rule, caller, requestId, now, fault,
                new Job.Task.ServerTask(server.id()));
        String adminPass = command.adminPass() != null ? command.adminPass() : world.ids.password();
        return new Receipt(requestId, busy, adminPass, null, null, null, List.of(), null, null, false);
    }

    /**
     * A snapshot of the server: a queued image in the caller's project, then task_states image_snapshot_pending to
     * image_uploading while it uploads (the image saving), and the image active (compute/api.py snapshot).
     */
    Receipt createImage(Caller caller, CreateServerImage command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        if (command.metadataQuota() && !quotas.metadataAllowed(caller.projectId(), command.metadata().size())) {
            throw Refusal.IMAGE_METADATA_LIMIT_EXCEEDED.exception(); // checked by the API before the state
        }
        TransitionRule rule = TransitionTable.rule(Operation.CREATE_IMAGE);
        rule.check(server, caller.admin());
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.CREATE_IMAGE, server.id(), server.name(), server.projectId()), requestId,
                now);
        io.novasim.model.image.GlanceImage image = images.reserve(caller, server, command.name(),
                command.metadata(), now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.Snapshot(server.id(), image.id()));
        return Receipt.of(requestId, busy, image);
    }

    /**
     * A resize to another flavor, in Nova's order (compute/api.py resize): the gate, the flavor, a different one, a
     * root disk for an image-backed server. A smaller root disk is accepted and fails on the host, as libvirt's
     * "Unable to resize disk down." does, rolling the server back.
     */
    Receipt resize(Caller caller, ResizeServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.RESIZE);
        rule.check(server, caller.admin());
        Flavor flavor = world.catalog.flavor(command.flavorId())
                .orElseThrow(() -> Refusal.FLAVOR_IN_BODY_NOT_FOUND.exception(command.flavorId()));
        Flavor current = world.catalog.flavor(server.flavorId()).orElseThrow();
        boolean volumeBacked = server.imageId() == null;
        if (flavor.diskGb() == 0 && current.diskGb() != 0 && !volumeBacked) {
            throw Refusal.RESIZE_ZERO_DISK.exception();
        }
        if (flavor.id().equals(current.id())) {
            throw Refusal.RESIZE_SAME_FLAVOR.exception();
        }
        quotas.checkUpsize(server.projectId(), current, flavor);
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.RESIZE, server.id(), server.name(), server.projectId()), requestId, now);
        if (fault.isEmpty() && !volumeBacked && flavor.diskGb() < current.diskGb()) {
            fault = Optional.of(new FaultEffect.FailCompletion(500, "Resize error: Unable to resize disk down."));
        }
        migrations.start(server, flavor.id(), "resize", Migration.PRE_MIGRATING, null, now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.ServerTask(server.id()));
        return Receipt.of(requestId, busy);
    }

    /**
     * A cold migration (admins): as a resize that keeps the flavor, to the host asked for (2.56) or the one the
     * scheduler chooses, never the server's own (compute/api.py resize with no flavor).
     */
    Receipt migrate(Caller caller, MigrateServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.MIGRATE);
        rule.adminPolicy().enforce(caller.admin());
        rule.check(server, caller.admin());
        if (command.host() != null) {
            world.catalog.host(command.host())
                    .orElseThrow(() -> Refusal.COMPUTE_HOST_NOT_FOUND.exception(command.host()));
            if (command.host().equals(server.host())) {
                throw Refusal.CANNOT_MIGRATE_TO_SAME_HOST.exception();
            }
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.MIGRATE, server.id(), server.name(), server.projectId()), requestId, now);
        migrations.start(server, server.flavorId(), "migration", Migration.PRE_MIGRATING, command.host(), now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.ServerTask(server.id()));
        return Receipt.of(requestId, busy);
    }

    /**
     * A live migration (admins): task_state migrating while the scheduler chooses a host (another than the
     * server's) and the guest moves; the vm_state stays. As from 2.34, a host that cannot take it fails the work
     * after the answer, and the server stays where it was.
     */
    Receipt liveMigrate(Caller caller, LiveMigrateServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.LIVE_MIGRATE);
        rule.adminPolicy().enforce(caller.admin());
        rule.check(server, caller.admin());
        if (command.host() != null) {
            world.catalog.host(command.host())
                    .orElseThrow(() -> Refusal.COMPUTE_HOST_NOT_FOUND.exception(command.host()));
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.LIVE_MIGRATE, server.id(), server.name(), server.projectId()),
                requestId, now);
        migrations.start(server, server.flavorId(), "live-migration", Migration.ACCEPTED, command.host(), now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.ServerTask(server.id()));
        return Receipt.of(requestId, busy);
    }

    /**
     * An evacuation (admins): the server is rebuilt on another host because its own nova-compute is down; whatever
     * ran on it stops (compute/api.py evacuate, evacuate.py).
     */
    Receipt evacuate(Caller caller, EvacuateServer command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.EVACUATE);
        rule.adminPolicy().enforce(caller.admin());
        if (command.host() != null) {
            world.catalog.host(command.host())
                    .orElseThrow(() -> Refusal.EVACUATE_HOST_NOT_FOUND.exception(command.host()));
        }
        if (command.host() != null && command.host().equals(server.host())) {
            throw Refusal.EVACUATE_SAME_HOST.exception();
        }
        rule.check(server, caller.admin());
        if (server.host() != null && placement.up(server.host())) {
            throw Refusal.COMPUTE_SERVICE_IN_USE.exception(server.host());
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.EVACUATE, server.id(), server.name(), server.projectId()), requestId,
                now);
        supersede(server.id(), rule, requestId, now);
        migrations.start(server, server.flavorId(), "evacuation", Migration.ACCEPTED, command.host(), now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.ServerTask(server.id()));
        String adminPass = command.adminPass() != null ? command.adminPass() : world.ids.password();
        return new Receipt(requestId, busy, adminPass, null, null, null, List.of(), null, null, false);
    }

    /** A host's nova-compute marked down or up again (os-services forced_down, admins). */
    Receipt setServiceDown(Caller caller, SetComputeServiceDown command, String requestId) {
        AdminPolicy.SERVICES_UPDATE.enforce(caller.admin());
        world.catalog.host(command.host())
                .orElseThrow(() -> Refusal.COMPUTE_HOST_NOT_FOUND.exception(command.host()));
        if (command.down()) {
            world.hostsDown.add(command.host());
        } else {
            world.hostsDown.remove(command.host());
        }
        return new Receipt(requestId, null, null, null, null, null, List.of(), null, null, false);
    }

    /**
     * A backup: as a snapshot, with task_state image_backup first and the image of type backup, after which the
     * server keeps only {@code rotation} backups of the type (compute/api.py backup, manager._rotate_backups).
     */
    Receipt createBackup(Caller caller, CreateServerBackup command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        if (command.metadataQuota() && !quotas.metadataAllowed(caller.projectId(), command.metadata().size())) {
            throw Refusal.IMAGE_METADATA_LIMIT_EXCEEDED.exception();
        }
        TransitionRule rule = TransitionTable.rule(Operation.CREATE_BACKUP);
        rule.check(server, caller.admin());
        if (server.imageId() == null) {
            throw Refusal.BACKUP_VOLUME_BACKED.exception();
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(Operation.CREATE_BACKUP, server.id(), server.name(), server.projectId()), requestId,
                now);
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(command.metadata());
        properties.put("backup_type", command.backupType());
        io.novasim.model.image.GlanceImage image = images.reserve(caller, server, command.name(), "backup",
                properties, now);
        Server busy = begin(server, rule, caller, requestId, now, fault,
                new Job.Task.Snapshot(server.id(), image.id(), command.backupType(), command.rotation()));
        return Receipt.of(requestId, busy, image);
    }

    /** @param lockReason the reason given with a lock, else {@code null} */
    Receipt perform(Caller caller, String serverId, Operation operation, String lockReason, String requestId,
                    Instant now) {
        if (operation == Operation.REBUILD || operation == Operation.CREATE_IMAGE || operation == Operation.RESIZE
                || operation == Operation.CREATE_BACKUP
                || operation == Operation.MIGRATE || operation == Operation.EVACUATE
                || operation == Operation.LIVE_MIGRATE) {
            throw new IllegalArgumentException(operation + " takes its own command (RebuildServer, "
                    + "CreateServerImage, ResizeServer, MigrateServer, EvacuateServer)");
        }
        Server server = world.visibleServer(caller, serverId);
        if (operation == Operation.DELETE && world.timings.reclaimInstanceInterval().isPresent()
                && server.launched()) {
            // Nova's API soft-deletes when reclaim_instance_interval is set; a server that never ran is deleted
            operation = Operation.SOFT_DELETE;
        }
        TransitionRule rule = TransitionTable.rule(operation);
        if (rule.adminPolicy() != null && !caller.admin()) {
            throw rule.adminPolicy().refusal().explainedAs(rule.refused("the caller is not an admin",
                    rule.adminPolicy().onlyAdmins()));
        }
        if (operation == Operation.UNLOCK && server.locked() && server.lock().lockedBy() != lockedBy(caller, server)
                && !caller.admin()) {
            throw AdminPolicy.UNLOCK_OVERRIDE.refusal().explainedAs(rule.refused("the lock was set by someone else",
                    "policy " + AdminPolicy.UNLOCK_OVERRIDE.rule() + " lets only admins lift another's lock"));
        }
        rule.check(server, caller.admin());
        if (operation == Operation.CONFIRM_RESIZE || operation == Operation.REVERT_RESIZE) {
            Migration resize = migrations.finished(server); // the resize they act on, or Nova's 400
            if (operation == Operation.REVERT_RESIZE) { // a revert of a resize down grows the server again
                quotas.checkUpsize(server.projectId(), world.catalog.flavor(server.flavorId()).orElseThrow(),
                        world.catalog.flavor(resize.oldFlavorId()).orElseThrow());
            }
        }
        if (operation == Operation.RESTORE) { // a soft-deleted server counts for nothing until restored
            quotas.instancesAllowed(server.projectId(), world.catalog.flavor(server.flavorId()).orElseThrow(), 1, 1);
        }
        Optional<FaultEffect> fault = world.fault(
                FaultTarget.server(operation, server.id(), server.name(), server.projectId()), requestId, now);
        if (operation == Operation.CONFIRM_RESIZE || operation == Operation.REVERT_RESIZE) {
            migrations.status(server.id(), operation == Operation.CONFIRM_RESIZE ? Migration.CONFIRMING
                    : Migration.REVERTING, now);
        }

        if (rule.removesServer() || operation == Operation.SOFT_DELETE) { // nova/compute/api.py _delete
            if (server.vmState() == VmState.SHELVED_OFFLOADED) {
                // no compute host to ask: the API cleans up and destroys the server itself, even for a soft delete
                remove(server, now);
                return Receipt.of(requestId, server);
            }
            if (server.taskState() == TaskState.DELETING || server.taskState() == TaskState.SOFT_DELETING) {
                return Receipt.of(requestId, server); // "Instance is already in deleting state, ignoring this request"
            }
        }
        if (rule.asynchronous()) {
            supersede(server.id(), rule, requestId, now);
            Server busy = begin(server, rule, caller, requestId, now, fault,
                    new Job.Task.ServerTask(server.id()));
            String adminPass = operation == Operation.RESCUE ? world.ids.password() : null;
            return new Receipt(requestId, busy, adminPass, null, null, null, List.of(), null, null, false);
        }
        if (operation == Operation.TRIGGER_CRASH_DUMP) {
            world.finishedAction(rule, server.id(), requestId, caller, rule.computeEvent(), now);
            return Receipt.of(requestId, server);
        }
        if (operation == Operation.LOCK && server.locked() && lockedBy(caller, server) == ServerLock.LockedBy.OWNER) {
            return Receipt.of(requestId, server); // Nova: the owner re-locking changes nothing, and records nothing
        }
        Server changed = switch (operation) {
            case UNLOCK -> server.withLock(null, now);
            case LOCK -> server.withLock(new ServerLock(lockedBy(caller, server), lockReason), now);
            case RESET_STATE_ACTIVE, RESET_STATE_ERROR -> {
                stopWork(server.id(), "os-resetState", requestId, now);
                yield server.withStates(rule.endVmState(), TaskState.NONE, server.powerState(), now);
            }
            default -> throw new IllegalStateException("no synchronous handling for " + operation);
        };
        world.put(changed, now);
        if (operation == Operation.LOCK || operation == Operation.UNLOCK) {
            world.finishedAction(rule, server.id(), requestId, caller, "api_" + rule.instanceAction(), now);
        } else {
            world.startAction(rule, server.id(), requestId, caller, now, false);
        }
        return Receipt.of(requestId, changed);
    }

    /**
     * Nova tells the owner's lock from an admin's by project ({@code is_owner}), because only an admin may lift a
     * lock that was not set from the server's own project.
     */
    private static ServerLock.LockedBy lockedBy(Caller caller, Server server) {
        return caller.projectId().equals(server.projectId()) ? ServerLock.LockedBy.OWNER
                : ServerLock.LockedBy.ADMIN;
    }

    /** An accepted action's work begins: its first task_state at once, its instance action, then its job. */
    private Server begin(Server server, TransitionRule rule, Caller caller, String requestId, Instant now,
                         Optional<FaultEffect> fault, Job.Task task) {
        Server busy = server.withTaskState(rule.phases().get(0), now);
        world.put(busy, now);
        world.startAction(rule, server.id(), requestId, caller, now, true);
        startWork(busy, rule, requestId, now, fault, task);
        return busy;
    }

    private void startWork(Server server, TransitionRule rule, String requestId, Instant now,
                           Optional<FaultEffect> fault) {
        startWork(server, rule, requestId, now, fault, new Job.Task.ServerTask(server.id()));
    }

    private void startWork(Server server, TransitionRule rule, String requestId, Instant now,
                           Optional<FaultEffect> fault, Job.Task task) {
        int stuckPhase = fault.filter(f -> f instanceof FaultEffect.Stuck s && s.task() != null)
                .map(f -> rule.phases().indexOf(((FaultEffect.Stuck) f).task()))
                .orElse(-1);
        world.start(World.serverSlot(server.id()), task, requestId,
                rule.operation(), rule.phases().size(), world.timings.of(rule.operation()), now, fault, stuckPhase);
    }

    /** New work replaces work in flight (a hard reboot over a soft one, a delete over anything); the old work fails. */
    private void supersede(String serverId, TransitionRule by, String requestId, Instant now) {
        stopWork(serverId, by.action(), requestId, now);
    }

    /**
     * Stops the server's work in flight, media work included: its event ends in Error, media goes back to how it
     * was, and a build that is cut short keeps its root volume.
     */
    private void stopWork(String serverId, String by, String requestId, Instant now) {
        for (String slot : java.util.List.of(World.serverSlot(serverId), World.mediaSlot(serverId))) {
            Job old = world.job(slot);
            if (old == null) {
                continue;
            }
            world.cancel(slot);
            if (old.task() instanceof Job.Task.OffloadTimer || old.task() instanceof Job.Task.ReclaimTimer
                    || old.task() instanceof Job.Task.ConfirmTimer) {
                continue;
            }
            if (Media.isMedia(old)) {
                media.abandon(old, now);
            }
            if (old.task() instanceof Job.Task.Snapshot snapshot) {
                images.abandon(snapshot.imageId()); // "Instance disappeared during snapshot"
            }
            if (old.operation() == Operation.CREATE) {
                volumes.completeRootVolume(serverId, now);
            }
            world.finishEvent(serverId, old.requestId(), currentEvent(old), now,
                    "Interrupted by " + by + " (" + requestId + ")");
        }
    }

    // ---------------------------------------------------------------- asynchronous steps

    void step(Job job, Instant at) {
        Server server = world.servers.get(job.serverId());
        if (server == null) {
            world.cancel(job.key());
            return;
        }
        if (job.task() instanceof Job.Task.OffloadTimer) {
            world.cancel(job.key());
            if (server.vmState() == VmState.SHELVED && server.taskState() == TaskState.NONE) {
                TransitionRule offload = TransitionTable.rule(Operation.SHELVE_OFFLOAD);
                Server busy = server.withTaskState(offload.phases().get(0), at);
                world.put(busy, at);
                world.addEvent(server.id(), job.requestId(), offload.computeEvent(), at);
                startWork(busy, offload, job.requestId(), at, Optional.empty());
            }
            return;
        }
        if (job.task() instanceof Job.Task.ConfirmTimer) {
            world.cancel(job.key());
            confirmOnItsOwn(server, at);
            return;
        }
        if (job.task() instanceof Job.Task.ReclaimTimer) {
            world.cancel(job.key());
            if (server.vmState() == VmState.SOFT_DELETED && server.taskState() == TaskState.NONE) {
                remove(server, at); // the compute host's periodic reclaim: no instance action of its own
            }
            return;
        }
        TransitionRule rule = TransitionTable.rule(job.operation());
        if (!job.lastPhase()) {
            Job next = job.next();
            TaskState phase = rule.phases().get(next.phase());
            if (job.task() instanceof Job.Task.Snapshot snapshot && phase == TaskState.IMAGE_UPLOADING) {
                images.saving(snapshot.imageId(), at);
            }
            if (rule.operation() == Operation.RESIZE || rule.operation() == Operation.MIGRATE) {
                if (!resizeStep(job, server, rule, phase, at)) {
                    return;
                }
            }
            if (rule.operation() == Operation.LIVE_MIGRATE) {
                Migration asked = migrations.inFlight(server.id()).orElseThrow();
                if (server.host() != null && server.host().equals(asked.destHost())) {
                    world.cancel(job.key());
                    fail(job, server, rule, at, new FaultEffect.FailCompletion(400, "Unable to migrate instance ("
                            + server.id() + ") to current host (" + server.host() + ")."));
                    return;
                }
                if (!schedule(job, server, rule, server.host() == null ? java.util.Set.of()
                        : java.util.Set.of(server.host()), "No valid host was found. ", at)) {
                    return;
                }
                migrations.status(server.id(), Migration.RUNNING, at);
            }
            if (rule.operation() == Operation.EVACUATE && phase == TaskState.REBUILD_BLOCK_DEVICE_MAPPING
                    && !schedule(job, server, rule, java.util.Set.of(server.host() == null ? "" : server.host()),
                    "No valid host was found. No valid host found for evacuate", at)) {
                return;
            }
            Server placed = server;
            boolean scheduled = rule.operation() == Operation.CREATE && next.phase() == 1
                    || rule.operation() == Operation.UNSHELVE && phase == TaskState.SPAWNING;
            if (scheduled) {
                Optional<String> host = placement.choose(server, java.util.Set.of());
                if (host.isEmpty()) {
                    world.cancel(job.key());
                    fail(job, server, rule, at, new FaultEffect.FailCompletion(500, NO_VALID_HOST));
                    return;
                }
                placed = server.withHost(host.get(), at);
            }
            world.put(placed.withTaskState(phase, at), at);
            world.schedule(next);
            return;
        }
        world.cancel(job.key());
        if (job.failing()) {
            fail(job, server, rule, at, job.failure());
        } else {
            succeed(job, server, rule, at);
        }
    }

    private void fail(Job job, Server server, TransitionRule rule, Instant at, FaultEffect.FailCompletion failure) {
        VmState vm = rule.failedVmState() != null ? rule.failedVmState() : server.vmState();
        Server failed = server.withStates(vm, TaskState.NONE, server.powerState(), at);
        if (vm == VmState.ERROR) {
            failed = failed.withFault(new ServerFault(failure.code(), failure.message(), null, at), at);
        }
        world.put(failed, at);
        if (job.task() instanceof Job.Task.Snapshot snapshot) {
            images.abandon(snapshot.imageId()); // delete_image_on_error
        }
        if (rule.operation() == Operation.RESIZE || rule.operation() == Operation.CONFIRM_RESIZE
                || rule.operation() == Operation.REVERT_RESIZE || rule.operation() == Operation.MIGRATE
                || rule.operation() == Operation.EVACUATE || rule.operation() == Operation.LIVE_MIGRATE) {
            migrations.status(server.id(), Migration.ERROR, at);
        }
        if (rule.operation() == Operation.CREATE) {
            // A failed build gives back what it took: Nova deallocates its ports and its volume reservation.
            interfaces.releasePorts(server.id(), at);
            volumes.releaseAll(server.id(), at);
        }
        world.finishEvent(server.id(), job.requestId(), currentEvent(job), at, failure.message());
    }

    private void succeed(Job job, Server server, TransitionRule rule, Instant at) {
        if (rule.removesServer()) {
            world.finishEvent(server.id(), job.requestId(), rule.computeEvent(), at, null);
            remove(server, at);
            return;
        }
        VmState vm = rule.endVmState() != null ? rule.endVmState() : server.vmState();
        PowerState power = rule.endPowerState() != null ? rule.endPowerState() : server.powerState();
        boolean rebuilt = rule.operation() == Operation.REBUILD || rule.operation() == Operation.EVACUATE;
        if (rebuilt && server.vmState() == VmState.STOPPED) {
            // Nova spawns it, then stops it again (task_state powering-off for that moment)
            vm = VmState.STOPPED;
            power = PowerState.SHUTDOWN;
        }
        Server resized = server;
        Migration migration = migrations.inFlight(server.id()).orElse(null);
        switch (rule.operation()) {
            case RESIZE, MIGRATE -> {
                resized = server.withFlavor(migration.newFlavorId(), at).withHost(migration.destHost(), at);
                migrations.status(server.id(), Migration.FINISHED, at);
            }
            case EVACUATE -> {
                resized = server.withHost(migration.destHost(), at);
                migrations.status(server.id(), Migration.DONE, at);
            }
            case LIVE_MIGRATE -> {
                resized = server.withHost(migration.destHost(), at);
                migrations.status(server.id(), Migration.COMPLETED, at);
            }
            case CONFIRM_RESIZE -> {
                // a server resized while stopped is still off: it goes back to stopped
                vm = server.powerState() == PowerState.SHUTDOWN ? VmState.STOPPED : VmState.ACTIVE;
                migrations.status(server.id(), Migration.CONFIRMED, at);
            }
            case REVERT_RESIZE -> {
                resized = server.withFlavor(migration.oldFlavorId(), at).withHost(migration.sourceHost(), at);
                vm = migration.oldVmState();
                power = vm == VmState.STOPPED ? PowerState.SHUTDOWN : PowerState.RUNNING;
                migrations.status(server.id(), Migration.REVERTED, at);
            }
            default -> {
            }
        }
        Server done = resized.withStates(vm, TaskState.NONE, power, at);
        if (rule.operation() == Operation.SHELVE_OFFLOAD) {
            done = done.withHost(null, at); // offloaded: on no host until an unshelve places it again
        }
        if (!done.launched() && vm == VmState.ACTIVE || rebuilt) {
            done = done.withLaunchedAt(at); // a rebuild spawns anew: launched_at is its time
        }
        world.put(done, at);
        if (rule.operation() == Operation.CREATE) {
            volumes.completeRootVolume(server.id(), at);
        }
        if (job.task() instanceof Job.Task.Snapshot snapshot) {
            images.uploaded(snapshot.imageId(), server.imageId(), at);
            if (snapshot.backupType() != null) {
                images.rotate(server.id(), snapshot.backupType(), snapshot.rotation());
            }
        }
        world.finishEvent(server.id(), job.requestId(), currentEvent(job), at, null);
        if (rule.operation() == Operation.RESIZE || rule.operation() == Operation.MIGRATE) {
            Optional<Duration> window = world.timings.resizeConfirmWindow();
            if (window.isPresent()) {
                world.start(World.serverSlot(server.id()), new Job.Task.ConfirmTimer(server.id()), job.requestId(),
                        Operation.CONFIRM_RESIZE, 1, window.get(), at, Optional.empty(), -1);
            }
        }
        if (rule.operation() == Operation.SHELVE) {
            offloadLater(done, job.requestId(), at);
        }
        if (rule.operation() == Operation.SOFT_DELETE) {
            // without an interval Nova's periodic task reclaims nothing: the server stays soft-deleted
            Optional<Duration> interval = world.timings.reclaimInstanceInterval();
            if (interval.isPresent()) {
                world.start(World.serverSlot(server.id()), new Job.Task.ReclaimTimer(server.id()), job.requestId(),
                        Operation.DELETE, 1, interval.get(), at, Optional.empty(), -1);
            }
        }
    }

    /**
     * A resize's or cold migration's host steps: the scheduler's choice as the move starts (any host for a resize,
     * as {@code allow_resize_to_same_host} lets it; another for a migration), the migration's status, and each step's
     * event after the one before.
     *
     * @return false when no host could take the server: the work failed and the server is back as it was
     */
    private boolean resizeStep(Job job, Server server, TransitionRule rule, TaskState phase, Instant at) {
        if (phase == TaskState.RESIZE_MIGRATING) {
            boolean migrate = rule.operation() == Operation.MIGRATE;
            java.util.Set<String> leaving = migrate && server.host() != null ? java.util.Set.of(server.host())
                    : java.util.Set.of();
            if (!schedule(job, server, rule, leaving,
                    "No valid host was found. No valid host found for " + (migrate ? "cold migrate" : "resize"), at)) {
                return false;
            }
            migrations.status(server.id(), Migration.MIGRATING, at);
        } else if (phase == TaskState.RESIZE_MIGRATED) {
            migrations.status(server.id(), Migration.POST_MIGRATING, at);
        }
        String next = RESIZE_EVENTS.get(phase);
        if (next != null) {
            world.finishEvent(server.id(), job.requestId(), currentEvent(job), at, null);
            world.addEvent(server.id(), job.requestId(), next, at);
        }
        return true;
    }

    /**
     * The scheduler's part of a move: the host asked for when it is up, else the one it chooses, none of
     * {@code excluded}; when there is none the work fails with Nova's NoValidHost and the server stays as it was.
     */
    private boolean schedule(Job job, Server server, TransitionRule rule, java.util.Set<String> excluded,
                             String noHost, Instant at) {
        Migration migration = migrations.inFlight(server.id()).orElseThrow();
        Optional<String> host = migration.destHost() != null
                ? Optional.of(migration.destHost()).filter(placement::up)
                : placement.choose(server, excluded);
        if (host.isEmpty()) {
            world.cancel(job.key());
            fail(job, server, rule, at, new FaultEffect.FailCompletion(500, noHost));
            return false;
        }
        migrations.destination(server.id(), host.get(), at);
        return true;
    }

    /** The event a job's work is in: a resize's changes with its host steps. */
    private static String currentEvent(Job job) {
        TransitionRule rule = TransitionTable.rule(job.operation());
        String event = rule.computeEvent();
        if (job.operation() == Operation.RESIZE || job.operation() == Operation.MIGRATE) {
            for (int i = 0; i <= job.phase(); i++) {
                event = RESIZE_EVENTS.getOrDefault(rule.phases().get(i), event);
            }
        }
        return event;
    }

    /**
     * Nova's {@code resize_confirm_window}: the compute host confirms a resize nobody confirmed, as an admin would.
     * The instance action is recorded under the server's owner (Nova's periodic task has no user of its own).
     */
    private void confirmOnItsOwn(Server server, Instant at) {
        boolean waiting = server.vmState() == VmState.RESIZED && server.taskState() == TaskState.NONE
                && migrations.inFlight(server.id()).filter(m -> m.status().equals(Migration.FINISHED)).isPresent();
        if (!waiting) {
            return;
        }
        TransitionRule confirm = TransitionTable.rule(Operation.CONFIRM_RESIZE);
        String requestId = world.newRequestId();
        migrations.status(server.id(), Migration.CONFIRMING, at);
        world.startAction(confirm, server.id(), requestId, new Caller(server.userId(), server.projectId(), false),
                at, true);
        startWork(server, confirm, requestId, at, Optional.empty());
    }

    /** The server is gone: its ports, volumes and media are given back, its work and its actions forgotten. */
    private void remove(Server server, Instant at) {
        interfaces.releasePorts(server.id(), at);
        volumes.releaseAll(server.id(), at);
        media.releaseAll(server.id(), at);
        world.cancelAllOf(server.id());
        world.removeServer(server.id());
        world.forgetActions(server.id());
        migrations.forget(server.id());
        serverGroups.leave(server.id());
        world.emit(new io.novasim.state.log.SimEvent.ServerRemoved(at, server.id()));
    }

    /** Nova's {@code shelved_offload_time}: offload at once (0), after a while, or never. */
    private void offloadLater(Server shelved, String requestId, Instant at) {
        Optional<Duration> after = world.timings.shelvedOffloadAfter();
        if (after.isEmpty()) {
            return;
        }
        if (after.get().isZero()) {
            TransitionRule offload = TransitionTable.rule(Operation.SHELVE_OFFLOAD);
            Server busy = shelved.withTaskState(offload.phases().get(0), at);
            world.put(busy, at);
            world.addEvent(shelved.id(), requestId, offload.computeEvent(), at);
            startWork(busy, offload, requestId, at, Optional.empty());
            return;
        }
        world.start(World.serverSlot(shelved.id()), new Job.Task.OffloadTimer(shelved.id()), requestId,
                Operation.SHELVE_OFFLOAD, 1, after.get(), at, Optional.empty(), -1);
    }
}
