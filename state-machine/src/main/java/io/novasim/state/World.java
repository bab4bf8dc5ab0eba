package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.error.Refusal;
import io.novasim.model.keypair.Keypair;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.command.Caller;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultPlan;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.faults.Outages;
import io.novasim.state.faults.Service;
import io.novasim.state.ids.IdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.UnaryOperator;

/**
 * Everything the simulated cloud holds, and the bookkeeping every operation shares: publishing events, instance
 * actions, the queue of asynchronous work and the fault plan. Not thread-safe: only {@link Cloud} touches it, under
 * its lock.
 */
final class World {
    /** Nova keeps every action; the simulator keeps the newest of each server, so memory stays flat. */
    static final int ACTIONS_KEPT_PER_SERVER = 1000;

    /** The setup's catalog, with the networks and subnets users created since (changed only by commands). */
    volatile Catalog catalog;
    final IdSource ids;
    final Timings timings;
    final FaultPlan faults;
    /**
     * Effects on answers that fired, by request id, until the adapter answering the request takes them: a hand-over,
     * not state of the cloud (a snapshot does not hold it).
     */
    private static final int MOST_ANSWER_EFFECTS = 1024;
    private final java.util.Map<String, FiredFault> answerEffects =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final EventListener listener;

    final Map<String, Server> servers = new LinkedHashMap<>();
    /** Per project, what {@link #serverUsage} answers: kept as servers are put and removed. */
    private final Map<String, long[]> serverUsage = new HashMap<>();
    /** The quota limits an admin set, by project: each overrides the catalog's default for its resource. */
    final Map<String, Map<io.novasim.model.quota.QuotaResource, Integer>> quotaOverrides = new java.util.TreeMap<>();
    /** Per server, oldest first. Changed only here: see {@link #actionsOf}. */
    final Map<String, List<InstanceAction>> actions = new HashMap<>();
    /**
     * Per server, its actions as a list that does not change, made when first read after they changed: a state read
     * of a cloud of many servers copies only the lists that changed since the last one.
     */
    private final Map<String, List<InstanceAction>> actionsRead = new HashMap<>();
    final Map<String, Port> ports = new LinkedHashMap<>();
    /**
     * The ports bound to each device, with their places in {@link #ports} (see {@link #portsBoundTo}): one
     * {@link BoundPort}, or an array of them in that order for a device with several. A port bound to nothing keeps
     * its place in {@link #unboundOrder}.
     */
    private final Map<String, Object> portsByDevice = new HashMap<>();
    private final Map<String, Long> unboundOrder = new HashMap<>();
    private long nextPortOrder;

    /** A port bound to a device, and its place among all ports: a device's ports are listed in creation order. */
    private record BoundPort(long order, String portId) {
    }
    final Map<String, CinderVolume> volumes = new LinkedHashMap<>();
    /** By block device mapping uuid. */
    final Map<String, VolumeAttachment> attachments = new LinkedHashMap<>();
    /** By {@code serverId/imageId}. */
    final Map<String, MediaAttachment> media = new LinkedHashMap<>();
    /** Volumes reserved as the target of a swap in flight (their status is the swap's, not their attachments'). */
    final java.util.Set<String> swapTargets = new java.util.HashSet<>();
    final IpUsage ipUsage;
    /** Key pairs by user id, then by name in creation order. */
    final Map<String, Map<String, Keypair>> keypairs = new LinkedHashMap<>();
    /** Nova's server groups, by id, oldest first. */
    final Map<String, io.novasim.model.server.ServerGroup> serverGroups = new LinkedHashMap<>();
    /** Neutron's security groups, by id: each project's default first. */
    final Map<String, io.novasim.model.network.SecurityGroup> securityGroups = new LinkedHashMap<>();
    /** Compute hosts whose nova-compute is down (the control plane says so): nothing is placed on them. */
    final java.util.Set<String> hostsDown = new java.util.TreeSet<>();
    /** Resize migrations of the servers that exist, oldest first; and how many went with deleted servers. */
    final java.util.List<io.novasim.model.migration.Migration> migrations = new java.util.ArrayList<>();
    int migrationsGone;
    /** Images Nova made of servers, by id, oldest first. */
    final Map<String, io.novasim.model.image.GlanceImage> images = new LinkedHashMap<>();

    /**
     * Whether a failed volume detach rolls back (the volume goes back to in-use). Always, but in the test that proves
     * {@code novasim explore} finds a rule broken: see {@link Cloud#withoutRollbackOfFailedDetach()}.
     */
    boolean rollbackFailedDetach = true;

    private final Map<String, Job> jobs = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private long tickets;

    /** How many request ids {@link #newRequestId} has drawn from the seeded stream; guarded by its own lock. */
    private long requestIdsDrawn;
    /**
     * The request-id stream's own lock: an adapter draws an id for every request, reads included, and should not
     * wait for the engine's lock to do so. Taken inside the engine's lock too, never the other way round.
     */
    private final Object requestIdLock = new Object();

    /** Events of the running command, published after its {@link SimEvent.Executed}; null outside commands. */
    private List<SimEvent> commandEvents;

    private record Due(Instant at, long ticket, String key) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(ticket, other.ticket);
        }
    }

    World(Catalog catalog, IdSource ids, Timings timings, EventListener listener) {
        this.catalog = catalog;
        this.ids = ids;
        this.timings = timings;
        this.listener = listener;
        this.faults = new FaultPlan(ids::chance);
        this.ipUsage = new IpUsage(() -> this.catalog);
    }

    /**
     * Makes this world (fresh from the constructor, on a copy of the original's id source) hold what the original
     * holds, sharing only immutable values: see {@link Cloud#copy}. {@code WorldCopyTest} fails when a field is added
     * here without being copied.
     */
    void copyFrom(World original) {
        catalog = original.catalog;
        faults.copyFrom(original.faults);
        replace(servers, original.servers);
        serverUsage.clear();
        original.serverUsage.forEach((project, usage) -> serverUsage.put(project, usage.clone()));
        quotaOverrides.clear();
        original.quotaOverrides.forEach((project, limits) -> quotaOverrides.put(project,
                new java.util.EnumMap<>(limits)));
        actions.clear();
        original.actions.forEach((server, list) -> actions.put(server, new ArrayList<>(list)));
        actionsRead.clear();
        replace(ports, original.ports);
        replace(portsByDevice, original.portsByDevice); // its arrays are replaced, never changed in place
        replace(unboundOrder, original.unboundOrder);
        nextPortOrder = original.nextPortOrder;
        replace(volumes, original.volumes);
        replace(attachments, original.attachments);
        replace(media, original.media);
        swapTargets.clear();
        swapTargets.addAll(original.swapTargets);
        ipUsage.copyFrom(original.ipUsage);
        keypairs.clear();
        original.keypairs.forEach((user, mine) -> keypairs.put(user, new LinkedHashMap<>(mine)));
        replace(serverGroups, original.serverGroups);
        replace(securityGroups, original.securityGroups);
        hostsDown.clear();
        hostsDown.addAll(original.hostsDown);
        migrations.clear();
        migrations.addAll(original.migrations);
        migrationsGone = original.migrationsGone;
        replace(images, original.images);
        rollbackFailedDetach = original.rollbackFailedDetach;
        replace(jobs, original.jobs);
        due.clear();
        due.addAll(original.due);
        tickets = original.tickets;
        requestIdsDrawn = original.requestIdsDrawn();
    }

    private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
        target.clear();
        target.putAll(source);
    }

    // ---------------------------------------------------------------- events

    void beginCommand() {
        // Nobody listening: events go straight to the no-op listener, where the JIT can drop them unbuilt.
        commandEvents = listener == EventListener.NONE ? null : new ArrayList<>();
    }

    /** Ends a command: its events go out after {@code executed}, unless it was refused (then it changed nothing). */
    void endCommand(SimEvent.Executed executed) {
        List<SimEvent> buffered = commandEvents;
        commandEvents = null;
        listener.on(executed);
        if (buffered == null) {
            return;
        }
        for (SimEvent event : buffered) {
            // A refused call was still checked against the fault plan, and its rules counted it.
            if (executed.accepted() || event instanceof SimEvent.FaultFired || event instanceof SimEvent.MatchableCall) {
                listener.on(event);
            }
        }
    }

    void emit(SimEvent event) {
        if (commandEvents != null) {
            commandEvents.add(event);
        } else {
            listener.on(event);
        }
    }

    // ---------------------------------------------------------------- request ids

    /** A fresh request id: the only way the engine draws one, so that it knows how far its stream has gone. */
    String newRequestId() {
        synchronized (requestIdLock) {
            requestIdsDrawn++;
            return ids.requestId();
        }
    }

    long requestIdsDrawn() {
        synchronized (requestIdLock) {
            return requestIdsDrawn;
        }
    }

    /** Draws and drops request ids until {@code drawn} have been drawn in all. */
    void skipRequestIdsTo(long drawn) {
        synchronized (requestIdLock) {
            while (requestIdsDrawn < drawn) {
                newRequestId();
            }
        }
    }

    // ---------------------------------------------------------------- lookups

    Server visibleServer(Caller caller, String serverId) {
        Server server = servers.get(serverId);
        if (server == null || !caller.canSee(server.projectId())) {
            throw Refusal.INSTANCE_NOT_FOUND.exception(serverId).explainedAs("server " + serverId + (server == null
                    ? " does not exist" : " belongs to another project") + " (rule: a server is seen only by its"
                    + " project and by admins)");
        }
        return server;
    }

    /**
     * Fails {@code call} as Nova does when {@code needed} is down now: for the checks Nova makes in that service
     * before its own (a create asks Glance and Neutron before it counts its quota).
     */
    void requireUp(Service needed, FaultTarget call, String requestId, Instant now) {
        if (!faults.isEmpty()) {
            outageConsequence(needed, call, requestId, now);
        }
    }

    /** Nova's answer to {@code call} if {@code needed} is down now: thrown, or the failure of its work. */
    private Optional<FaultEffect> outageConsequence(Service needed, FaultTarget call, String requestId, Instant now) {
        Optional<FiredFault> down = faults.outage(needed, call, requestId, now);
        if (down.isEmpty()) {
            return Optional.empty();
        }
        emit(new SimEvent.FaultFired(now, down.get()));
        try {
            return Optional.of(Outages.consequence(call, needed));
        } catch (io.novasim.model.error.ComputeException refused) {
            throw refused.explainedAs(call.operationName() + " refused: " + needed.project() + " is down "
                    + "(fault rule " + down.get().ruleId() + ": an outage; rule: Nova fails a call whose "
                    + "service does not answer)");
        }
    }

    /**
     * Asks the fault plan about an accepted call. An API error is thrown at once (nothing has been applied yet); an
     * effect on the answer is kept for the API adapter to take ({@link #takeAnswerEffect}), and the call goes on as
     * usual; any other effect is returned for the operation to apply.
     */
    Optional<FaultEffect> fault(FaultTarget call, String requestId, Instant now) {
        if (call.service() == Service.COMPUTE) {
            emit(new SimEvent.MatchableCall(now, requestId, call)); // a fault sweep aims at Nova's calls
        }
        for (Service needed : Outages.needs(call)) {
            Optional<FaultEffect> down = outageConsequence(needed, call, requestId, now);
            if (down.isPresent()) {
                return down;
            }
        }
        Optional<FiredFault> fired = faults.decide(call, requestId, now);
        fired.ifPresent(f -> emit(new SimEvent.FaultFired(now, f)));
        Optional<FaultEffect> effect = fired.map(FiredFault::effect);
        if (effect.isPresent() && effect.get() instanceof FaultEffect.Error error) {
            throw error.toException().explainedAs(call.operationName() + " refused: fault rule " + fired.get().ruleId() + " fired (rule: the scenario's fault plan)");
        }
        if (effect.isPresent() && effect.get() instanceof FaultEffect.OnAnswer && requestId != null) {
            if (answerEffects.size() >= MOST_ANSWER_EFFECTS) {
                answerEffects.clear(); // left by calls no adapter answers (a replay, the control plane): stale
            }
            answerEffects.put(requestId, fired.get());
            return Optional.empty();
        }
        return effect;
    }

    /**
     * A call of another service's API put to the fault plan: refused with the load balancer's 503 while the service is
     * down; else, when it carried a valid token, asked about as Nova's calls are (an error thrown, an effect on the
     * answer kept for the adapter).
     */
    io.novasim.state.command.Receipt callService(io.novasim.state.command.Caller caller,
                                                 io.novasim.state.command.CallService call, String requestId,
                                                 Instant now) {
        FaultTarget target = FaultTarget.apiCall(call.service(), call.operation(),
                call.authenticated() ? caller.projectId() : null);
        Optional<FiredFault> down = faults.outage(call.service(), target, requestId, now);
        if (down.isPresent()) {
            emit(new SimEvent.FaultFired(now, down.get()));
            throw io.novasim.model.error.Refusal.SERVICE_DOWN.exception().explainedAs(call.service().project()
                    + " is down (fault rule " + down.get().ruleId() + ": an outage; rule: a load balancer with no "
                    + "server behind it answers 503)");
        }
        // Keystone's token calls carry no token to check; every other service's are looked at once the token passed
        if ((call.authenticated() || call.service() == Service.IDENTITY) && call.operation() != null) {
            fault(target, requestId, now);
        }
        return new io.novasim.state.command.Receipt(requestId, null, null, null, null, null, List.of(), null, null,
                false);
    }

    /** A request put to the overrides: the receipt's resource is the override that answers it, if one fires. */
    io.novasim.state.command.Receipt answerRoute(io.novasim.state.command.AnswerRoute request, String requestId,
                                                 Instant now) {
        Optional<FiredFault> fired = faults.override(new io.novasim.state.faults.RouteMatch.HttpCall(
                request.method(), request.path(), name -> request.headers().get(name.toLowerCase(
                        java.util.Locale.ROOT))), () -> requestId, now);
        fired.ifPresent(f -> emit(new SimEvent.FaultFired(now, f)));
        return new io.novasim.state.command.Receipt(requestId, null, null, null, null, null, List.of(), null, null,
                false, fired.orElse(null));
    }

    /**
     * Whether {@code service} is down as accepted work reaches it: the outage counts as fired on the work's call. Work
     * runs under the engine's lock, as commands do.
     */
    Optional<FiredFault> outageDuringWork(Service service, FaultTarget call, String requestId, Instant at) {
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        Optional<FiredFault> down = faults.outage(service, call, requestId, at);
        down.ifPresent(fired -> emit(new SimEvent.FaultFired(at, fired)));
        return down;
    }

    /** Forgets every answer effect not taken: after a replay, whose calls no adapter answers. */
    void forgetAnswerEffects() {
        answerEffects.clear();
    }

    /**
     * The effect on its answer that a fault rule had on the request, taken: the adapter asks once, as it answers. Not
     * under the engine's lock (an answer effect is put before the command returns, and taken after).
     */
    Optional<FiredFault> takeAnswerEffect(String requestId) {
        return answerEffects.isEmpty() ? Optional.empty() : Optional.ofNullable(answerEffects.remove(requestId));
    }

    // ---------------------------------------------------------------- state changes

    void put(Server server, Instant at) {
        Server before = servers.put(server.id(), server);
        if (before == null || before.vmState() != server.vmState() || !before.flavorId().equals(server.flavorId())) {
            count(before, -1);
            count(server, 1);
        }
        emit(new SimEvent.ServerChanged(at, server.id(), server.vmState(), server.taskState(), server.powerState()));
    }

    /** The server is gone: it no longer counts against its project's quotas. */
    void removeServer(String serverId) {
        count(servers.remove(serverId), -1);
    }

    /**
     * What a project's servers use of the instances, cores and ram quotas, as Nova counts them: every server but the
     * soft-deleted ones ({@code InstanceList._get_counts_in_db}).
     */
    ServerUsage serverUsage(String projectId) {
        long[] usage = serverUsage.get(projectId);
        return usage == null ? ServerUsage.NONE : new ServerUsage((int) usage[0], usage[1], usage[2]);
    }

    /** Instances, cores and ram (MiB) a project's servers count for. */
    record ServerUsage(int instances, long cores, long ram) {
        static final ServerUsage NONE = new ServerUsage(0, 0, 0);
    }

    private void count(Server server, int sign) {
        if (server == null || server.vmState() == io.novasim.model.server.VmState.SOFT_DELETED) {
            return;
        }
        long[] usage = serverUsage.computeIfAbsent(server.projectId(), p -> new long[3]);
        usage[0] += sign;
        catalog.flavor(server.flavorId()).ifPresent(flavor -> {
            usage[1] += (long) sign * flavor.vcpus();
            usage[2] += (long) sign * flavor.ramMb();
        });
    }

    void put(Port port, Instant at) {
        Port before = ports.put(port.id(), port);
        long order;
        if (before == null) {
            port.fixedIps().forEach(ipUsage::take);
            order = nextPortOrder++;
        } else {
            order = before.bound() ? unbind(before) : unboundOrder.remove(port.id());
        }
        if (port.bound()) {
            bind(port.deviceId(), new BoundPort(order, port.id()));
        } else {
            unboundOrder.put(port.id(), order);
        }
        emit(new SimEvent.ResourceChanged(at, "port", port.id(), port.bound() ? "bound" : "unbound"));
    }

    /**
     * The ports bound to a server, in the order they were created (as a scan of {@link #ports} finds them), from an
     * index: a scan costs as many steps as the cloud has ports, on every server read.
     */
    List<Port> portsBoundTo(String serverId) {
        Object bound = portsByDevice.get(serverId);
        if (bound == null) {
            return new ArrayList<>();
        }
        if (bound instanceof BoundPort one) {
            List<Port> found = new ArrayList<>(1);
            found.add(ports.get(one.portId()));
            return found;
        }
        BoundPort[] several = (BoundPort[]) bound;
        List<Port> found = new ArrayList<>(several.length);
        for (BoundPort port : several) {
            found.add(ports.get(port.portId()));
        }
        return found;
    }

    private void bind(String deviceId, BoundPort port) {
        Object bound = portsByDevice.get(deviceId);
        if (bound == null) {
            portsByDevice.put(deviceId, port);
            return;
        }
        BoundPort[] before = bound instanceof BoundPort one ? new BoundPort[] {one} : (BoundPort[]) bound;
        BoundPort[] after = new BoundPort[before.length + 1];
        int at = 0;
        while (at < before.length && before[at].order() < port.order()) {
            after[at] = before[at];
            at++;
        }
        after[at] = port;
        System.arraycopy(before, at, after, at + 1, before.length - at);
        portsByDevice.put(deviceId, after);
    }

    /** Takes a bound port out of its device's index; returns its place among all ports. */
    private long unbind(Port port) {
        Object bound = portsByDevice.get(port.deviceId());
        if (bound instanceof BoundPort one) {
            portsByDevice.remove(port.deviceId());
            return one.order();
        }
        BoundPort[] before = (BoundPort[]) bound;
        int at = 0;
        while (!before[at].portId().equals(port.id())) {
            at++;
        }
        if (before.length == 2) {
            portsByDevice.put(port.deviceId(), before[1 - at]);
        } else {
            BoundPort[] after = new BoundPort[before.length - 1];
            System.arraycopy(before, 0, after, 0, at);
            System.arraycopy(before, at + 1, after, at, before.length - at - 1);
            portsByDevice.put(port.deviceId(), after);
        }
        return before[at].order();
    }

    void removePort(String portId, Instant at) {
        Port removed = ports.remove(portId);
        if (removed != null) {
            if (removed.bound()) {
                unbind(removed);
            } else {
                unboundOrder.remove(portId);
            }
            removed.fixedIps().forEach(ipUsage::free);
            emit(new SimEvent.ResourceChanged(at, "port", portId, "deleted"));
        }
    }

    void put(CinderVolume volume, Instant at) {
        CinderVolume before = volumes.put(volume.id(), volume);
        if (before == null || before.status() != volume.status()) {
            emit(new SimEvent.ResourceChanged(at, "volume", volume.id(), volume.status().value()));
        }
    }

    void removeVolume(String volumeId, Instant at) {
        if (volumes.remove(volumeId) != null) {
            emit(new SimEvent.ResourceChanged(at, "volume", volumeId, "deleted"));
        }
    }

    void put(VolumeAttachment attachment, Instant at) {
        attachments.put(attachment.bdmUuid(), attachment);
        emit(new SimEvent.ResourceChanged(at, "volume_attachment", attachment.bdmUuid(),
                attachment.status().value()));
    }

    void removeAttachment(String bdmUuid, Instant at) {
        if (attachments.remove(bdmUuid) != null) {
            emit(new SimEvent.ResourceChanged(at, "volume_attachment", bdmUuid, "deleted"));
        }
    }

    void put(MediaAttachment attachment, Instant at) {
        media.put(mediaKey(attachment.serverId(), attachment.imageId()), attachment);
        emit(new SimEvent.ResourceChanged(at, "media", mediaKey(attachment.serverId(), attachment.imageId()),
                attachment.status().value()));
    }

    void removeMedia(String serverId, String imageId, Instant at) {
        if (media.remove(mediaKey(serverId, imageId)) != null) {
            emit(new SimEvent.ResourceChanged(at, "media", mediaKey(serverId, imageId), "deleted"));
        }
    }

    static String mediaKey(String serverId, String imageId) {
        return serverId + "/" + imageId;
    }

    // ---------------------------------------------------------------- instance actions

    /** Records an action; with {@code rule.computeEvent()} running when {@code withEvent}. */
    void startAction(TransitionRule rule, String serverId, String requestId, Caller caller, Instant now,
                     boolean withEvent) {
        InstanceAction action = InstanceAction.started(rule.instanceAction(), serverId, requestId, caller.userId(),
                caller.projectId(), now);
        if (withEvent) {
            action = action.withEvent(InstanceActionEvent.started(rule.computeEvent(), now), now);
        }
        record(action);
    }

    /** A server's actions, oldest first, as a list that does not change (empty for a server with none). */
    List<InstanceAction> actionsOf(String serverId) {
        List<InstanceAction> list = actions.get(serverId);
        return list == null ? List.of() : actionsRead.computeIfAbsent(serverId, id -> List.copyOf(list));
    }

    /** Forgets a removed server's actions. */
    void forgetActions(String serverId) {
        actions.remove(serverId);
        actionsRead.remove(serverId);
    }

    private void record(InstanceAction action) {
        actionsRead.remove(action.serverId());
        List<InstanceAction> list = actions.computeIfAbsent(action.serverId(), k -> new ArrayList<>(4));
        if (list.size() == ACTIONS_KEPT_PER_SERVER) {
            list.subList(0, ACTIONS_KEPT_PER_SERVER / 2).clear();
        }
        list.add(action);
    }

    /** Records an action whose one event already finished (work the API did inline). */
    void finishedAction(TransitionRule rule, String serverId, String requestId, Caller caller, String event,
                        Instant now) {
        InstanceAction action = InstanceAction.started(rule.instanceAction(), serverId, requestId, caller.userId(),
                caller.projectId(), now).withEvent(InstanceActionEvent.started(event, now).succeeded(now), now);
        record(action);
    }

    void addEvent(String serverId, String requestId, String event, Instant at) {
        changeAction(serverId, requestId, action -> action.withEvent(InstanceActionEvent.started(event, at), at));
    }

    /** Finishes the running event of that name; {@code error} is {@code null} for success. */
    void finishEvent(String serverId, String requestId, String event, Instant at, String error) {
        changeAction(serverId, requestId, action -> {
            for (InstanceActionEvent e : action.events()) {
                if (!e.finished() && e.event().equals(event)) {
                    return action.withFinishedEvent(error == null ? e.succeeded(at) : e.failed(at, error));
                }
            }
            return action;
        });
        emit(new SimEvent.WorkFinished(at, serverId, requestId, event, error));
    }

    private void changeAction(String serverId, String requestId, UnaryOperator<InstanceAction> change) {
        List<InstanceAction> list = actions.get(serverId);
        if (list == null) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).requestId().equals(requestId)) {
                actionsRead.remove(serverId);
                list.set(i, change.apply(list.get(i)));
                return;
            }
        }
    }

    // ---------------------------------------------------------------- asynchronous work

    static String serverSlot(String serverId) {
        return "server/" + serverId;
    }

    /** Media work has a slot of its own, so it never displaces a shelved server's offload timer. */
    static String mediaSlot(String serverId) {
        return "media/" + serverId;
    }

    static String requestSlot(String requestId) {
        return "request/" + requestId;
    }

    Job job(String key) {
        return jobs.get(key);
    }

    /**
     * Starts work in {@code phases} steps over the operation's configured duration. A {@code Stuck} fault holds it at
     * the phase showing {@code stuckPhase} (the last when unknown); a {@code Delay} holds the last phase longer.
     */
    Job start(String key, Job.Task task, String requestId, Operation operation, int phases, Duration duration,
              Instant now, Optional<FaultEffect> fault, int stuckPhase) {
        int stallPhase = Job.NO_STALL;
        Duration stallFor = null;
        FaultEffect.FailCompletion failure = null;
        if (fault.isPresent()) {
            FaultEffect effect = fault.get();
            if (effect instanceof FaultEffect.Stuck stuck) {
                stallPhase = stuckPhase >= 0 ? stuckPhase : phases - 1;
                stallFor = stuck.stuckFor();
            } else if (effect instanceof FaultEffect.Delay delay) {
                stallPhase = phases - 1;
                stallFor = delay.length();
            } else if (effect instanceof FaultEffect.FailCompletion fail) {
                failure = fail;
            }
        }
        Job job = new Job(key, task, requestId, operation, phases, 0, now, duration, Duration.ZERO, stallPhase,
                stallFor, failure, 0);
        return schedule(job);
    }

    /** Queues the end of the job's current phase, or parks it when a fault holds it there for good. */
    Job schedule(Job job) {
        long ticket = ++tickets;
        Duration shift = job.shift();
        int stallPhase = job.stallPhase();
        boolean parked = false;
        if (job.phase() == stallPhase) {
            if (job.stallFor() == null) {
                parked = true;
            } else {
                shift = shift.plus(job.stallFor());
                stallPhase = Job.NO_STALL;
            }
        }
        Job scheduled = job.withSchedule(shift, stallPhase, ticket);
        jobs.put(job.key(), scheduled);
        if (!parked) {
            due.add(new Due(scheduled.plannedEnd(), ticket, job.key()));
        }
        return scheduled;
    }

    void cancel(String key) {
        jobs.remove(key);
    }

    /** The server's work in flight, oldest first. */
    List<Job> jobsOf(String serverId) {
        List<Job> found = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (serverId.equals(job.serverId())) {
                found.add(job);
            }
        }
        found.sort((a, b) -> Long.compare(a.ticket(), b.ticket()));
        return found;
    }

    /** Cancels every piece of work of a server (it is gone). */
    void cancelAllOf(String serverId) {
        jobs.values().removeIf(job -> serverId.equals(job.serverId()));
    }

    /** Lets go of the server's work that a {@code Stuck} fault holds for good; it resumes now. */
    int release(String serverId, Instant now) {
        List<Job> held = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (serverId.equals(job.serverId()) && job.stallPhase() == job.phase() && job.stallFor() == null) {
                held.add(job);
            }
        }
        held.sort((a, b) -> Long.compare(a.ticket(), b.ticket()));
        for (Job job : held) {
            Duration late = Duration.between(job.plannedEnd(), now);
            schedule(job.withSchedule(job.shift().plus(late.isNegative() ? Duration.ZERO : late), Job.NO_STALL,
                    job.ticket()));
        }
        return held.size();
    }

    /** The next job whose current phase has ended by {@code now}, removed from the queue; or {@code null}. */
    Job pollDue(Instant now) {
        while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
            Due next = due.poll();
            Job job = jobs.get(next.key());
            if (job != null && job.ticket() == next.ticket()) {
                return job;
            }
        }
        return null;
    }

    /**
     * No queued work falls due before this ({@link Instant#MAX} when none is queued): the queue's head, which may be
     * work since cancelled, so that the bound is early rather than late.
     */
    Instant dueBound() {
        Due next = due.peek();
        return next == null ? Instant.MAX : next.at();
    }

    /** The end of the first phase still to come, if any work is queued. */
    Optional<Instant> nextDue() {
        while (!due.isEmpty()) {
            Due next = due.peek();
            Job job = jobs.get(next.key());
            if (job != null && job.ticket() == next.ticket()) {
                return Optional.of(next.at());
            }
            due.poll();
        }
        return Optional.empty();
    }

    /**
     * When the next phase of the work in flight on these servers or resources falls due, if any: held work, and the
     * timers that work leaves behind (a shelved server's offload, a resize's confirm window, a soft delete's
     * reclaim), do not count; they are not the work a reader waits for.
     */
    Optional<Instant> nextDueOf(java.util.Collection<String> ids) {
        Instant next = null;
        for (Job job : jobs.values()) {
            Job.Task task = job.task();
            if (held(job) || task instanceof Job.Task.OffloadTimer || task instanceof Job.Task.ConfirmTimer
                    || task instanceof Job.Task.ReclaimTimer) {
                continue;
            }
            String resource = resourceOf(task);
            if ((job.serverId() != null && ids.contains(job.serverId())) || (resource != null
                    && ids.contains(resource))) {
                Instant due = job.plannedEnd();
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        return Optional.ofNullable(next);
    }

    /** Every piece of work in flight, in the order it falls due; held work last, oldest first. */
    List<PendingWork> pendingWork() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort((a, b) -> {
            boolean aHeld = held(a);
            boolean bHeld = held(b);
            if (aHeld != bHeld) {
                return aHeld ? 1 : -1;
            }
            int byTime = aHeld ? 0 : a.plannedEnd().compareTo(b.plannedEnd());
            return byTime != 0 ? byTime : Long.compare(a.ticket(), b.ticket());
        });
        List<PendingWork> work = new ArrayList<>(all.size());
        for (Job job : all) {
            work.add(new PendingWork(job.serverId(), resourceOf(job.task()), job.operation(), job.phase(),
                    job.phases(), held(job) ? null : job.plannedEnd(), job.failing()));
        }
        return work;
    }

    private static boolean held(Job job) {
        return job.stallPhase() == job.phase() && job.stallFor() == null;
    }

    private String resourceOf(Job.Task task) {
        if (task instanceof Job.Task.DetachPort port) {
            return port.portId();
        } else if (task instanceof Job.Task.AttachVolume attach) {
            return volumeOf(attach.bdmUuid());
        } else if (task instanceof Job.Task.DetachVolume detach) {
            return volumeOf(detach.bdmUuid());
        } else if (task instanceof Job.Task.SwapVolume swap) {
            return swap.oldVolumeId();
        } else if (task instanceof Job.Task.AttachMedia media) {
            return media.imageId();
        } else if (task instanceof Job.Task.DetachMedia media) {
            return media.imageId();
        } else if (task instanceof Job.Task.CreateVolume volume) {
            return volume.volumeId();
        } else if (task instanceof Job.Task.DeleteVolume volume) {
            return volume.volumeId();
        } else if (task instanceof Job.Task.Snapshot snapshot) {
            return snapshot.imageId();
        }
        return null;
    }

    private String volumeOf(String bdmUuid) {
        VolumeAttachment attachment = attachments.get(bdmUuid);
        return attachment == null ? null : attachment.volumeId();
    }

    boolean hasWork(String serverId) {
        return jobs.containsKey(serverSlot(serverId));
    }

    int jobCount() {
        return jobs.size();
    }
}
