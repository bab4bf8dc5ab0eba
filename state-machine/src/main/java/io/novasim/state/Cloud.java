package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.NovaErrors;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerFault;
import io.novasim.model.server.ServerLock;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.ids.IdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.SimEvent;
import io.novasim.state.outcome.Completion;
import io.novasim.state.outcome.CompletionPolicy;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The one owner of the simulated cloud's state. Every command and every read runs under this object's lock, first
 * completing the work that the virtual clock says is due, so each call is atomic and linearizable and a reader never
 * sees a half-applied change. Checks come before changes: a refused command changes nothing.
 *
 * <p>The engine never reads the wall clock, sleeps or starts a thread: time is the injected {@link VirtualClock}, and
 * every generated value comes from the injected {@link IdSource}.
 */
public final class Cloud {
    private static final String UNLOCK_OVERRIDE_POLICY = "os_compute_api:os-lock-server:unlock:unlock_override";

    private final Catalog catalog;
    private final VirtualClock clock;
    private final IdSource ids;
    private final Timings timings;
    private final CompletionPolicy completions;
    private final EventListener listener;

    private final Map<String, Server> servers = new LinkedHashMap<>();
    /** Per server, oldest first. */
    private final Map<String, List<InstanceAction>> actions = new HashMap<>();
    /** Per server, the asynchronous work in flight (at most one, as a server has one task_state). */
    private final Map<String, Work> work = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    /** Orders due work that falls at the same instant, and tells current work from superseded work. */
    private long tickets;
    /** Events of the running command, published after its {@link SimEvent.Executed}. */
    private final List<SimEvent> commandEvents = new ArrayList<>();
    private boolean inCommand;

    /**
     * @param phase the index in the rule's phases of the task_state the server shows now, or {@link #WAITING} for a
     *              timer that starts the rule's work when due (the automatic offload of a shelved server)
     */
    private record Work(TransitionRule rule, String requestId, long ticket, int phase, Instant startedAt) {
        static final int WAITING = -1;
    }

    private record Due(Instant at, long ticket, String serverId) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(ticket, other.ticket);
        }
    }

    public Cloud(Catalog catalog, VirtualClock clock, IdSource ids, Timings timings, CompletionPolicy completions,
                 EventListener listener) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.completions = Objects.requireNonNull(completions, "completions");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---------------------------------------------------------------- commands

    /**
     * Runs one command at the clock's current time.
     *
     * @throws ComputeException when Nova would refuse it; nothing has changed then
     */
    public synchronized Receipt execute(Caller caller, Command command) {
        settle();
        Instant now = clock.now();
        String requestId = ids.requestId();
        Receipt receipt;
        inCommand = true;
        try {
            if (command instanceof CreateServer create) {
                receipt = create(caller, create, requestId, now);
            } else if (command instanceof Perform perform) {
                receipt = perform(caller, perform.serverId(), perform.operation(), null, requestId, now);
            } else if (command instanceof LockServer lock) {
                receipt = perform(caller, lock.serverId(), Operation.LOCK, lock.reason(), requestId, now);
            } else {
                throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (ComputeException refused) {
            commandEvents.clear();
            listener.on(new SimEvent.Executed(now, caller, command, requestId, refused.toString()));
            throw refused;
        } finally {
            inCommand = false;
        }
        listener.on(new SimEvent.Executed(now, caller, command, requestId, null));
        commandEvents.forEach(listener::on);
        commandEvents.clear();
        return receipt;
    }

    private Receipt create(Caller caller, CreateServer command, String requestId, Instant now) {
        if (command.name().isBlank()) {
            throw NovaErrors.invalidInput("name", command.name(), "'" + command.name() + "' is too short");
        }
        catalog.flavor(command.flavorId()).orElseThrow(() -> NovaErrors.flavorNotFound(command.flavorId()));
        if (command.imageId() != null) {
            catalog.image(command.imageId()).orElseThrow(NovaErrors::imageNotFound);
        }
        TransitionRule rule = TransitionTable.rule(Operation.CREATE);
        Server server = new Server(ids.uuid(), command.name(), caller.projectId(), caller.userId(),
                command.flavorId(), command.imageId(), command.availabilityZone(), command.metadata(),
                VmState.BUILDING, rule.phases().get(0), PowerState.NOSTATE, null, null, now, now, null);
        put(server, now);
        startAction(rule, server.id(), requestId, caller, now);
        schedule(server.id(), rule, requestId, 0, now);
        return new Receipt(requestId, server, null);
    }

    /** @param lockReason the reason given with a lock, else {@code null} */
    private Receipt perform(Caller caller, String serverId, Operation operation, String lockReason,
                            String requestId, Instant now) {
        Server server = visible(caller, serverId);
        TransitionRule rule = TransitionTable.rule(operation);
        if (rule.adminPolicy() != null && !caller.admin()) {
            throw NovaErrors.policyForbids(rule.adminPolicy());
        }
        if (operation == Operation.UNLOCK && server.locked()
                && server.lock().lockedBy() == ServerLock.LockedBy.ADMIN && !caller.admin()) {
            throw NovaErrors.policyForbids(UNLOCK_OVERRIDE_POLICY);
        }
        rule.check(server, caller.admin());

        if (rule.asynchronous()) {
            supersede(server.id(), rule, requestId, now);
            Server busy = server.withTaskState(rule.phases().get(0), now);
            put(busy, now);
            startAction(rule, server.id(), requestId, caller, now);
            schedule(server.id(), rule, requestId, 0, now);
            String adminPass = operation == Operation.RESCUE ? ids.password() : null;
            return new Receipt(requestId, busy, adminPass);
        }
        Server changed = switch (operation) {
            case UNLOCK -> server.withLock(null, now);
            case LOCK -> server.withLock(new ServerLock(lockedBy(caller), lockReason), now);
            case RESET_STATE_ACTIVE, RESET_STATE_ERROR -> {
                cancelWork(server.id());
                yield server.withStates(rule.endVmState(), TaskState.NONE, server.powerState(), now);
            }
            default -> throw new IllegalStateException("no synchronous handling for " + operation);
        };
        put(changed, now);
        recordAction(InstanceAction.started(rule.instanceAction(), server.id(), requestId, caller.userId(),
                caller.projectId(), now));
        return new Receipt(requestId, changed, null);
    }

    /** Nova tells whether the owner or an admin holds the lock, because only an admin may lift an admin's lock. */
    private static ServerLock.LockedBy lockedBy(Caller caller) {
        return caller.admin() ? ServerLock.LockedBy.ADMIN : ServerLock.LockedBy.OWNER;
    }

    // ---------------------------------------------------------------- reads

    public synchronized Server server(Caller caller, String serverId) {
        settle();
        return visible(caller, serverId);
    }

    /** The servers the caller may see, newest first (Nova's default sort: created_at descending). */
    public synchronized List<Server> servers(Caller caller) {
        settle();
        List<Server> visible = new ArrayList<>();
        for (Server server : servers.values()) {
            if (caller.canSee(server.projectId())) {
                visible.add(server);
            }
        }
        java.util.Collections.reverse(visible);
        return visible;
    }

    /** The server's instance actions, newest first as Nova lists them. */
    public synchronized List<InstanceAction> instanceActions(Caller caller, String serverId) {
        settle();
        visible(caller, serverId);
        List<InstanceAction> newestFirst = new ArrayList<>(actions.getOrDefault(serverId, List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public synchronized InstanceAction instanceAction(Caller caller, String serverId, String requestId) {
        settle();
        visible(caller, serverId);
        for (InstanceAction action : actions.getOrDefault(serverId, List.of())) {
            if (action.requestId().equals(requestId)) {
                return action;
            }
        }
        throw NovaErrors.instanceActionNotFound(requestId, serverId);
    }

    /** Everything the engine holds, as plain values: for comparing runs, replays and models. */
    public synchronized CloudState state() {
        settle();
        Map<String, List<InstanceAction>> copy = new LinkedHashMap<>();
        for (String id : servers.keySet()) {
            copy.put(id, List.copyOf(actions.getOrDefault(id, List.of())));
        }
        return new CloudState(clock.now(), List.copyOf(servers.values()), copy);
    }

    /** A fresh request id from the seeded source, for adapters that answer reads. */
    public synchronized String newRequestId() {
        return ids.requestId();
    }

    public Catalog catalog() {
        return catalog;
    }

    public Timings timings() {
        return timings;
    }

    // ---------------------------------------------------------------- time

    public Instant now() {
        return clock.now();
    }

    /** Moves virtual time forward and completes, in due-time order, the work that falls due. */
    public synchronized void advance(Duration by) {
        clock.advance(by);
        settle();
    }

    public synchronized void advanceTo(Instant when) {
        clock.advanceTo(when);
        settle();
    }

    /** When the next piece of work falls due, if any is in flight. */
    public synchronized Optional<Instant> nextDueAt() {
        settle();
        dropStale();
        return due.isEmpty() ? Optional.empty() : Optional.of(due.peek().at());
    }

    /** Advances time until no work is in flight, and returns how far it went. */
    public synchronized Duration runUntilIdle() {
        Instant start = clock.now();
        for (Optional<Instant> next = nextDueAt(); next.isPresent(); next = nextDueAt()) {
            if (next.get().isAfter(clock.now())) {
                clock.advanceTo(next.get());
            }
            settle();
        }
        return Duration.between(start, clock.now());
    }

    // ---------------------------------------------------------------- asynchronous work

    private void settle() {
        Instant now = clock.now();
        while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
            Due next = due.poll();
            Work current = work.get(next.serverId());
            if (current == null || current.ticket() != next.ticket()) {
                continue; // superseded or cancelled
            }
            step(current, servers.get(next.serverId()), next.at());
        }
    }

    private void dropStale() {
        while (!due.isEmpty()) {
            Due next = due.peek();
            Work current = work.get(next.serverId());
            if (current != null && current.ticket() == next.ticket()) {
                return;
            }
            due.poll();
        }
    }

    private void step(Work current, Server server, Instant at) {
        TransitionRule rule = current.rule();
        if (current.phase() == Work.WAITING) {
            if (server.vmState() == VmState.SHELVED && server.taskState() == TaskState.NONE) {
                put(server.withTaskState(rule.phases().get(0), at), at);
                addEvent(server.id(), current.requestId(), InstanceActionEvent.started(rule.computeEvent(), at), at);
                schedule(server.id(), rule, current.requestId(), 0, at);
            } else {
                work.remove(server.id());
            }
            return;
        }
        int nextPhase = current.phase() + 1;
        if (nextPhase < rule.phases().size()) {
            put(server.withTaskState(rule.phases().get(nextPhase), at), at);
            schedule(server.id(), rule, current.requestId(), nextPhase, current.startedAt());
            return;
        }
        complete(current, server, at);
    }

    private void complete(Work finished, Server server, Instant at) {
        TransitionRule rule = finished.rule();
        work.remove(server.id());
        Completion outcome = completions.complete(rule.operation(), server, at);
        if (outcome instanceof Completion.Fail failure) {
            VmState vm = rule.failedVmState() != null ? rule.failedVmState() : server.vmState();
            Server failed = server.withStates(vm, TaskState.NONE, server.powerState(), at);
            if (vm == VmState.ERROR) {
                failed = failed.withFault(new ServerFault(failure.code(), failure.message(), failure.details(), at), at);
            }
            put(failed, at);
            finishEvent(server.id(), finished.requestId(), rule.computeEvent(), at, failure.message());
            return;
        }
        if (rule.removesServer()) {
            finishEvent(server.id(), finished.requestId(), rule.computeEvent(), at, null);
            servers.remove(server.id());
            actions.remove(server.id());
            emit(new SimEvent.ServerRemoved(at, server.id()));
            return;
        }
        VmState vm = rule.endVmState() != null ? rule.endVmState() : server.vmState();
        PowerState power = rule.endPowerState() != null ? rule.endPowerState() : server.powerState();
        Server done = server.withStates(vm, TaskState.NONE, power, at);
        if (!done.launched() && vm == VmState.ACTIVE) {
            done = done.withLaunchedAt(at);
        }
        put(done, at);
        finishEvent(server.id(), finished.requestId(), rule.computeEvent(), at, null);
        if (rule.operation() == Operation.SHELVE) {
            offloadLater(done, finished.requestId(), at);
        }
    }

    /** Nova's {@code shelved_offload_time}: offload at once (0), after a while, or never. */
    private void offloadLater(Server shelved, String requestId, Instant at) {
        Optional<Duration> after = timings.shelvedOffloadAfter();
        if (after.isEmpty()) {
            return;
        }
        TransitionRule offload = TransitionTable.rule(Operation.SHELVE_OFFLOAD);
        long ticket = ++tickets;
        work.put(shelved.id(), new Work(offload, requestId, ticket, Work.WAITING, at));
        due.add(new Due(at.plus(after.get()), ticket, shelved.id()));
    }

    /** Queues the end of {@code phase}: phase k of n ends at start + duration * (k+1) / n. */
    private void schedule(String serverId, TransitionRule rule, String requestId, int phase, Instant startedAt) {
        Duration total = timings.of(rule.operation());
        int phases = rule.phases().size();
        Instant dueAt = startedAt.plus(total.multipliedBy(phase + 1L).dividedBy(phases));
        long ticket = ++tickets;
        work.put(serverId, new Work(rule, requestId, ticket, phase, startedAt));
        due.add(new Due(dueAt, ticket, serverId));
    }

    /** New work replaces work in flight (a hard reboot over a soft one, a delete over anything); the old work fails. */
    private void supersede(String serverId, TransitionRule by, String requestId, Instant now) {
        Work old = work.remove(serverId);
        if (old != null && old.phase() != Work.WAITING) {
            finishEvent(serverId, old.requestId(), old.rule().computeEvent(), now,
                    "Interrupted by " + by.action() + " (" + requestId + ")");
        }
    }

    private void cancelWork(String serverId) {
        work.remove(serverId);
    }

    // ---------------------------------------------------------------- bookkeeping

    private Server visible(Caller caller, String serverId) {
        Server server = servers.get(serverId);
        if (server == null || !caller.canSee(server.projectId())) {
            throw NovaErrors.instanceNotFound(serverId);
        }
        return server;
    }

    private void put(Server server, Instant at) {
        servers.put(server.id(), server);
        emit(new SimEvent.ServerChanged(at, server.id(), server.vmState(), server.taskState(), server.powerState()));
    }

    private void startAction(TransitionRule rule, String serverId, String requestId, Caller caller, Instant now) {
        recordAction(InstanceAction.started(rule.instanceAction(), serverId, requestId, caller.userId(),
                        caller.projectId(), now)
                .withEvent(InstanceActionEvent.started(rule.computeEvent(), now), now));
    }

    private void recordAction(InstanceAction action) {
        actions.computeIfAbsent(action.serverId(), k -> new ArrayList<>(4)).add(action);
    }

    private void addEvent(String serverId, String requestId, InstanceActionEvent event, Instant at) {
        replaceAction(serverId, requestId, action -> action.withEvent(event, at));
    }

    private void finishEvent(String serverId, String requestId, String event, Instant at, String error) {
        replaceAction(serverId, requestId, action -> {
            for (InstanceActionEvent e : action.events()) {
                if (!e.finished() && e.event().equals(event)) {
                    return action.withFinishedEvent(error == null ? e.succeeded(at) : e.failed(at, error));
                }
            }
            return action;
        });
        emit(new SimEvent.WorkFinished(at, serverId, requestId, event, error));
    }

    private void replaceAction(String serverId, String requestId,
                               java.util.function.UnaryOperator<InstanceAction> change) {
        List<InstanceAction> list = actions.get(serverId);
        if (list == null) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).requestId().equals(requestId)) {
                list.set(i, change.apply(list.get(i)));
                return;
            }
        }
    }

    private void emit(SimEvent event) {
        if (inCommand) {
            commandEvents.add(event);
        } else {
            listener.on(event);
        }
    }
}
