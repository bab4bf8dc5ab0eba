package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.AttachStatus;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static io.novasim.model.server.VmState.*;
import static io.novasim.state.CloudModelProperties.Expected;
import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Attach, detach, swap and media actions, with injected faults, against a model written apart from the engine. The
 * lifecycle part of the model is {@link CloudModelProperties}'; this one adds ports, volumes, attachments and media,
 * predicts the status code of every call, and checks the cross-resource invariants after every step.
 */
class AttachDetachModelProperties {

    // ------------------------------------------------------------------ the model

    static final class MPort {
        final String project;
        final String network;
        final boolean byCompute;
        String server; // null when unbound

        MPort(String project, String network, boolean byCompute, String server) {
            this.project = project;
            this.network = network;
            this.byCompute = byCompute;
            this.server = server;
        }
    }

    static final class MVolume {
        final String project;
        final int size;
        final boolean multi;
        String swapStatus; // the status of a swap target, else null

        MVolume(String project, int size, boolean multi) {
            this.project = project;
            this.size = size;
            this.multi = multi;
        }
    }

    static final class MAttachment {
        final String server;
        String volume;
        String state; // reserved, attaching, attached, detaching

        MAttachment(String server, String volume, String state) {
            this.server = server;
            this.volume = volume;
            this.state = state;
        }
    }

    /** Asynchronous work the model waits for: what it is, when its next step is due, and whether it fails. */
    static final class Pending {
        final Operation op;
        final String server;
        final String target; // port id, volume id, image id
        final String newVolume; // swap only
        final Instant start;
        final boolean failing;
        int step;

        Pending(Operation op, String server, String target, String newVolume, Instant start, boolean failing) {
            this.op = op;
            this.server = server;
            this.target = target;
            this.newVolume = newVolume;
            this.start = start;
            this.failing = failing;
        }

        /** Steps in tenths of a second: volume attach and swap have a middle step, the rest one. */
        List<Long> stepsMillis() {
            return switch (op) {
                case DETACH_INTERFACE, DETACH_VOLUME, MEDIA_DETACH -> List.of(1000L);
                case ATTACH_VOLUME -> List.of(1000L, 2000L);
                case SWAP_VOLUME -> List.of(1500L, 3000L);
                case MEDIA_ATTACH -> List.of(2000L);
                default -> throw new IllegalStateException(op.name());
            };
        }
    }

    static final class Model {
        final Map<String, Expected> servers = new LinkedHashMap<>();
        final Map<String, MPort> ports = new LinkedHashMap<>();
        final Map<String, MVolume> volumes = new LinkedHashMap<>();
        final List<MAttachment> attachments = new ArrayList<>();
        final Map<String, String> media = new LinkedHashMap<>(); // server/image -> attaching|attached|detaching
        final List<Pending> pending = new ArrayList<>();
        final Map<Operation, Deque<String>> faults = new EnumMap<>(Operation.class); // "error" or "fail", in order
        final Set<String> released = new java.util.HashSet<>();

        boolean visible(Caller caller, String project) {
            return caller.admin() || caller.projectId().equals(project);
        }

        /** The next injected effect for this operation, consumed; null when none is queued. */
        String takeFault(Operation op) {
            Deque<String> queue = faults.get(op);
            return queue == null ? null : queue.poll();
        }

        long portsOn(String network) {
            return ports.values().stream().filter(p -> p.network.equals(network)).count();
        }

        String volumeStatus(String volumeId) {
            MVolume volume = volumes.get(volumeId);
            if (volume.swapStatus != null) {
                return volume.swapStatus;
            }
            List<String> states = attachments.stream().filter(a -> a.volume.equals(volumeId)).map(a -> a.state)
                    .toList();
            if (states.contains("detaching")) {
                return "detaching";
            }
            if (states.contains("attached")) {
                return "in-use";
            }
            if (states.contains("attaching")) {
                return "attaching";
            }
            return states.contains("reserved") ? "reserved" : "available";
        }

        void settle(Instant now) {
            Set<String> before = new java.util.HashSet<>(servers.keySet());
            CloudModelProperties.settle(servers, now, null);
            for (String id : before) {
                Expected e = servers.get(id);
                if (e == null) {
                    release(id, true);
                } else if (e.faulted && released.add(id)) {
                    release(id, false);
                }
            }
            boolean progressed = true;
            while (progressed) {
                progressed = false;
                for (Pending p : new ArrayList<>(pending)) {
                    long at = p.stepsMillis().get(p.step);
                    if (p.start.plusMillis(at).isAfter(now)) {
                        continue;
                    }
                    progressed = true;
                    step(p);
                }
            }
        }

        /** A server is gone (or its build failed): its ports, volumes and media are let go. */
        void release(String server, boolean gone) {
            ports.entrySet().removeIf(e -> server.equals(e.getValue().server) && e.getValue().byCompute);
            ports.values().forEach(p -> {
                if (server.equals(p.server)) {
                    p.server = null;
                }
            });
            attachments.removeIf(a -> a.server.equals(server));
            if (gone) {
                media.keySet().removeIf(k -> k.startsWith(server + "/"));
                for (Pending p : pending) {
                    if (p.server.equals(server) && p.op == Operation.SWAP_VOLUME) {
                        volumes.get(p.newVolume).swapStatus = null;
                    }
                }
                pending.removeIf(p -> p.server.equals(server));
            }
        }

        private void step(Pending p) {
            boolean last = p.step == p.stepsMillis().size() - 1;
            if (!last) {
                p.step++;
                if (p.op == Operation.ATTACH_VOLUME) {
                    attachmentOf(p.server, p.target).state = "attaching";
                } else {
                    volumes.get(p.newVolume).swapStatus = "attaching";
                }
                return;
            }
            pending.remove(p);
            switch (p.op) {
                case DETACH_INTERFACE -> {
                    MPort port = ports.get(p.target);
                    if (!p.failing && port != null && p.server.equals(port.server)) {
                        if (port.byCompute) {
                            ports.remove(p.target);
                        } else {
                            port.server = null;
                        }
                    }
                }
                case ATTACH_VOLUME -> {
                    MAttachment a = attachmentOf(p.server, p.target);
                    if (p.failing) {
                        attachments.remove(a);
                    } else {
                        a.state = "attached";
                    }
                }
                case DETACH_VOLUME -> {
                    MAttachment a = attachmentOf(p.server, p.target);
                    if (p.failing) {
                        a.state = "attached";
                    } else {
                        attachments.remove(a);
                    }
                }
                case SWAP_VOLUME -> {
                    MAttachment a = attachmentOf(p.server, p.target);
                    volumes.get(p.newVolume).swapStatus = null;
                    a.state = "attached";
                    if (!p.failing) {
                        a.volume = p.newVolume;
                    }
                }
                case MEDIA_ATTACH -> {
                    if (p.failing) {
                        media.remove(p.server + "/" + p.target);
                    } else {
                        media.put(p.server + "/" + p.target, "attached");
                    }
                }
                case MEDIA_DETACH -> {
                    if (p.failing) {
                        media.put(p.server + "/" + p.target, "attached");
                    } else {
                        media.remove(p.server + "/" + p.target);
                    }
                }
                default -> throw new IllegalStateException(p.op.name());
            }
        }

        /** Media work cut short by a delete or a reset: the media goes back to how it was. */
        void abandonMedia(String server) {
            for (Pending p : new ArrayList<>(pending)) {
                if (p.server.equals(server) && (p.op == Operation.MEDIA_ATTACH || p.op == Operation.MEDIA_DETACH)) {
                    pending.remove(p);
                    if (p.op == Operation.MEDIA_ATTACH) {
                        media.remove(server + "/" + p.target);
                    } else {
                        media.put(server + "/" + p.target, "attached");
                    }
                }
            }
        }

        MAttachment attachmentOf(String server, String volume) {
            for (MAttachment a : attachments) {
                if (a.server.equals(server) && a.volume.equals(volume)) {
                    return a;
                }
            }
            return null;
        }

        /** The lifecycle gate of attach and detach: lock, vm_state, task_state, launched_at. */
        boolean gateOpen(Expected e, Caller caller, Set<VmState> vmStates, boolean needsLaunch) {
            return (e.lockedBy == null || caller.admin()) && vmStates.contains(e.vm) && e.task == TaskState.NONE
                    && (!needsLaunch || e.launched);
        }
    }

    static final Set<VmState> INTERFACE_STATES = Set.of(ACTIVE, PAUSED, STOPPED);
    static final Set<VmState> VOLUME_STATES = Set.of(ACTIVE, PAUSED, STOPPED, RESIZED, SOFT_DELETED, SHELVED,
            SHELVED_OFFLOADED);
    static final Set<VmState> SWAP_STATES = Set.of(ACTIVE, PAUSED, RESIZED);
    static final Set<VmState> ANY_STATE = Set.of(VmState.values());

    // ------------------------------------------------------------------ predictions: 0 means accepted

    static int attachInterface(Model m, Caller c, String server, String portId, String network) {
        Expected e = m.servers.get(server);
        if (e == null || !m.visible(c, e.project)) {
            return 404;
        }
        if (!m.gateOpen(e, c, INTERFACE_STATES, true)) {
            return 409;
        }
        if (portId != null) {
            MPort port = m.ports.get(portId);
            if (port == null || !m.visible(c, port.project)) {
                return 404;
            }
            if (port.server != null) {
                return 409;
            }
        } else {
            boolean usable = network.equals(NET) ? c.projectId().equals(DEMO) || c.admin()
                    : c.projectId().equals(OTHER) || c.admin();
            if (!usable) {
                return 404;
            }
            if (network.equals(NET) && m.portsOn(NET) >= 13) {
                return 400;
            }
        }
        int fault = faultOutcome(m, Operation.ATTACH_INTERFACE, 500);
        return fault < 0 ? 500 : fault; // a synchronous attach answers its failure as the API's 500
    }

    /** What the queued fault turns an otherwise accepted call into: 503, {@code failCode}, or 0 (accepted). */
    static int faultOutcome(Model m, Operation op, int failCode) {
        String fault = m.takeFault(op);
        if ("error".equals(fault)) {
            return 503;
        }
        return "fail".equals(fault) ? -failCode : 0;
    }

    static int attachVolume(Model m, Caller c, String server, String volumeId, int mv) {
        Expected e = m.servers.get(server);
        if (e == null || !m.visible(c, e.project)) {
            return 404;
        }
        if ((e.vm == SHELVED || e.vm == SHELVED_OFFLOADED) && mv < 20) {
            return 409;
        }
        if (!m.gateOpen(e, c, VOLUME_STATES, true)) {
            return 409;
        }
        MVolume volume = m.volumes.get(volumeId);
        if (volume == null || !m.visible(c, volume.project)) {
            return 404;
        }
        List<MAttachment> existing = m.attachments.stream().filter(a -> a.volume.equals(volumeId)).toList();
        if (!existing.isEmpty() && (!volume.multi || existing.stream().anyMatch(a -> a.server.equals(server)))) {
            return 400;
        }
        if (e.vm == SHELVED_OFFLOADED && volume.multi) {
            return 400;
        }
        if (volume.multi && mv < 60) {
            return 400;
        }
        String status = m.volumeStatus(volumeId);
        if (volume.swapStatus != null || !(status.equals("available") || (volume.multi && status.equals("in-use")))) {
            return 400;
        }
        return faultOutcome(m, Operation.ATTACH_VOLUME, 500);
    }

    static int detachVolume(Model m, Caller c, String server, String volumeId, int mv) {
        Expected e = m.servers.get(server);
        if (e == null || !m.visible(c, e.project)) {
            return 404;
        }
        if ((e.vm == SHELVED || e.vm == SHELVED_OFFLOADED) && mv < 20) {
            return 409;
        }
        MVolume volume = m.volumes.get(volumeId);
        if (volume == null || !m.visible(c, volume.project)) {
            return 404;
        }
        MAttachment a = m.attachmentOf(server, volumeId);
        if (a == null) {
            return 404;
        }
        if (!m.gateOpen(e, c, VOLUME_STATES, true)) {
            return 409;
        }
        if (!a.state.equals("attached") || !m.volumeStatus(volumeId).equals("in-use")) {
            return 400;
        }
        return faultOutcome(m, Operation.DETACH_VOLUME, 500);
    }

    static int swap(Model m, Caller c, String server, String oldId, String newId) {
        Expected e = m.servers.get(server);
        if (e == null || !m.visible(c, e.project)) {
            return 404;
        }
        if (!c.admin()) {
            return 403;
        }
        MVolume oldVolume = m.volumes.get(oldId);
        MVolume newVolume = m.volumes.get(newId);
        if (oldVolume == null) {
            return 404;
        }
        if (newVolume == null) {
            return 400;
        }
        if (!m.gateOpen(e, c, SWAP_STATES, true)) {
            return 409;
        }
        MAttachment a = m.attachmentOf(server, oldId);
        if (a == null) {
            return 400;
        }
        boolean newAttached = m.attachments.stream().anyMatch(x -> x.volume.equals(newId))
                || m.volumeStatus(newId).equals("in-use");
        if (newAttached || newVolume.size < oldVolume.size) {
            return 400;
        }
        if (!a.state.equals("attached") || !m.volumeStatus(oldId).equals("in-use")) {
            return 400;
        }
        if (newVolume.swapStatus != null || !m.volumeStatus(newId).equals("available")) {
            return 400;
        }
        return faultOutcome(m, Operation.SWAP_VOLUME, 500);
    }

    static int media(Model m, Caller c, String server, String image, boolean attach) {
        Expected e = m.servers.get(server);
        if (e == null || !m.visible(c, e.project)) {
            return 404;
        }
        if (!m.gateOpen(e, c, ANY_STATE, false)) {
            return 409;
        }
        String state = m.media.get(server + "/" + image);
        if (attach && state != null) {
            return 409;
        }
        if (!attach && !"attached".equals(state)) {
            return 404;
        }
        return faultOutcome(m, attach ? Operation.MEDIA_ATTACH : Operation.MEDIA_DETACH, 500);
    }

    // ------------------------------------------------------------------ the chain

    static final class World {
        final EventLog log = new EventLog();
        final Cloud cloud = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(7), Timings.defaults(), log);
        final Model model = new Model();
        final List<String> everCreated = new ArrayList<>();
        final List<String> portIds = new ArrayList<>();
        final List<String> volumeIds = new ArrayList<>();
        int faultRules;

        World() {
            for (Caller owner : List.of(ALICE, ALICE, MALLORY)) {
                String network = owner == MALLORY ? OTHER_NET : NET;
                Port port = cloud.execute(owner, new CreatePort(network, "user-port", null)).port();
                model.ports.put(port.id(), new MPort(owner.projectId(), network, false, null));
                portIds.add(port.id());
            }
            record Spec(Caller owner, int size, boolean multi) {
            }
            for (Spec spec : List.of(new Spec(ALICE, 1, false), new Spec(ALICE, 2, false),
                    new Spec(ALICE, 1, true), new Spec(MALLORY, 1, false))) {
                CinderVolume volume = cloud.execute(spec.owner(), new CreateVolume("vol", spec.size(), spec.multi(), false))
                        .volume();
                model.volumes.put(volume.id(), new MVolume(spec.owner().projectId(), spec.size(), spec.multi()));
                volumeIds.add(volume.id());
            }
            cloud.advance(Duration.ofSeconds(1));
        }

        /** Runs a call the model predicted: {@code expected} 0 accepts, a negative code accepts with a failure. */
        <T> T run(Caller caller, Command command, int expected, Function<io.novasim.state.command.Receipt, T> then) {
            CloudState before = cloud.state();
            try {
                io.novasim.state.command.Receipt receipt = cloud.execute(caller, command);
                if (expected > 0) {
                    fail("accepted %s by %s; the model expected %d", command, caller.userId(), expected);
                }
                return then.apply(receipt);
            } catch (ComputeException refused) {
                assertThat(refused.code()).as("%s by %s: %s", command, caller.userId(), refused.getMessage())
                        .isEqualTo(expected < 0 ? -expected : expected);
                CloudState after = cloud.state();
                assertThat(withoutFired(after)).as("a refused call changes nothing").isEqualTo(withoutFired(before));
                return null;
            }
        }

        @Override
        public String toString() {
            return "World" + everCreated.size();
        }
    }

    static CloudState withoutFired(CloudState s) {
        return new CloudState(s.now(), s.servers(), s.actions(), s.ports(), s.volumes(), s.volumeAttachments(),
                s.media(), s.keypairs(), List.of(), s.images(), s.migrations(), s.networks(), s.subnets(),
                s.hostsDown(), s.securityGroups(), s.serverGroups(), s.quotaOverrides());
    }

    static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY, ADMIN);
    static final List<Operation> LIFECYCLE = List.of(Operation.STOP, Operation.START, Operation.SUSPEND,
            Operation.RESUME, Operation.PAUSE, Operation.UNPAUSE, Operation.REBOOT_SOFT, Operation.DELETE,
            Operation.SHELVE, Operation.UNSHELVE, Operation.LOCK, Operation.UNLOCK, Operation.RESET_STATE_ACTIVE,
            Operation.SOFT_DELETE, Operation.RESTORE, Operation.FORCE_DELETE);
    static final List<Operation> FAULTABLE = List.of(Operation.ATTACH_INTERFACE, Operation.DETACH_INTERFACE,
            Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME, Operation.SWAP_VOLUME, Operation.MEDIA_ATTACH,
            Operation.MEDIA_DETACH);

    static Action<World> create() {
        return (Action.Independent<World>) () -> Combinators.combine(Arbitraries.of("web", "doomed"),
                        Arbitraries.of(ALICE, MALLORY))
                .as((name, caller) -> Transformer.mutate("create " + name + " as " + caller.userId(), w -> {
                    Instant now = w.cloud.now();
                    w.model.settle(now);
                    boolean full = caller == ALICE && w.model.portsOn(NET) >= 13;
                    Server server = w.run(caller, new CreateServer(name, FLAVOR, IMAGE), full ? 400 : 0,
                            r -> r.server());
                    if (server == null) {
                        return;
                    }
                    w.model.servers.put(server.id(), new Expected(name, caller.projectId(), now));
                    w.everCreated.add(server.id());
                    Port boot = w.cloud.interfaces(ADMIN, server.id()).get(0);
                    w.model.ports.put(boot.id(), new MPort(caller.projectId(), boot.networkId(), true, server.id()));
                    w.portIds.add(boot.id());
                }));
    }

    static Action<World> lifecycle() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.everCreated.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World state) {
                return Combinators.combine(Arbitraries.of(state.everCreated), Arbitraries.of(LIFECYCLE),
                        Arbitraries.of(CALLERS)).as((id, op, caller) -> Transformer.mutate(
                        op + " #" + state.everCreated.indexOf(id) + " as " + caller.userId(), w -> {
                            Instant now = w.cloud.now();
                            w.model.settle(now);
                            String refusal = CloudModelProperties.refusal(w.model.servers, id, op, caller);
                            Command command = op == Operation.LOCK ? new LockServer(id, null) : new Perform(id, op);
                            Server after = w.run(caller, command, refusal == null ? 0 : codeOf(refusal),
                                    r -> r.server());
                            if (after != null) {
                                Expected e = w.model.servers.get(id);
                                boolean interrupts = op == Operation.DELETE || op == Operation.SOFT_DELETE
                                        || op == Operation.RESET_STATE_ACTIVE;
                                if (interrupts && (e.running == Operation.MEDIA_ATTACH
                                        || e.running == Operation.MEDIA_DETACH)) {
                                    w.model.abandonMedia(id);
                                }
                                CloudModelProperties.accept(w.model.servers, id, op, caller, null, now);
                                if (!w.model.servers.containsKey(id)) {
                                    w.model.release(id, true); // deleted at once
                                }
                            }
                        }));
            }
        };
    }

    static int codeOf(String refusal) {
        return refusal.endsWith("could not be found.") ? 404 : refusal.startsWith("Policy") ? 403
                : refusal.startsWith("Unexpected") ? 500 : 409;
    }

    static Action<World> interfaces() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.everCreated.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World state) {
                List<String> choices = new ArrayList<>();
                state.portIds.forEach(p -> choices.add("port:" + p));
                choices.add("net:" + NET);
                choices.add("net:" + OTHER_NET);
                Arbitrary<String> targets = Arbitraries.of(choices);
                return Combinators.combine(Arbitraries.of(state.everCreated), targets, Arbitraries.of(CALLERS),
                        Arbitraries.of(true, false)).as((id, target, caller, attach) -> Transformer.mutate(
                        (attach ? "attach " : "detach ") + target.substring(0, 9) + " #"
                                + state.everCreated.indexOf(id) + " as " + caller.userId(), w -> {
                            Instant now = w.cloud.now();
                            w.model.settle(now);
                            String value = target.substring(target.indexOf(':') + 1);
                            if (attach) {
                                boolean byPort = target.startsWith("port:");
                                int expected = attachInterface(w.model, caller, id, byPort ? value : null,
                                        byPort ? null : value);
                                Port port = w.run(caller, new AttachInterface(id, byPort ? value : null,
                                        byPort ? null : value, null, null), expected, r -> r.port());
                                if (port != null) {
                                    MPort m = w.model.ports.computeIfAbsent(port.id(), k ->
                                            new MPort(w.model.servers.get(id).project, value, true, null));
                                    m.server = id;
                                    if (!w.portIds.contains(port.id())) {
                                        w.portIds.add(port.id());
                                    }
                                }
                            } else if (target.startsWith("port:")) {
                                Expected e = w.model.servers.get(id);
                                int expected = e == null || !w.model.visible(caller, e.project) ? 404
                                        : !w.model.gateOpen(e, caller, INTERFACE_STATES, true) ? 409
                                        : faultOutcome(w.model, Operation.DETACH_INTERFACE, 500);
                                if (w.run(caller, new DetachInterface(id, value), expected, r -> r) != null) {
                                    w.model.pending.add(new Pending(Operation.DETACH_INTERFACE, id, value, null, now,
                                            expected < 0));
                                }
                            }
                        }));
            }
        };
    }

    static Action<World> volumes() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.everCreated.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World state) {
                return Combinators.combine(Arbitraries.of(state.everCreated), Arbitraries.of(state.volumeIds),
                        Arbitraries.of(state.volumeIds), Arbitraries.of(CALLERS), Arbitraries.of(1, 20, 60),
                        Arbitraries.of("attach", "detach", "swap")).as((id, vol, other, caller, mv, what) ->
                        Transformer.mutate(what + " vol" + state.volumeIds.indexOf(vol) + " #"
                                + state.everCreated.indexOf(id) + " at 2." + mv + " as " + caller.userId(), w -> {
                            Instant now = w.cloud.now();
                            w.model.settle(now);
                            Model m = w.model;
                            switch (what) {
                                case "attach" -> {
                                    int expected = attachVolume(m, caller, id, vol, mv);
                                    VolumeAttachment a = w.run(caller, new AttachVolume(id, vol, null, null, false,
                                            mv), expected, r -> r.volumeAttachment());
                                    if (a != null) {
                                        boolean offloaded = m.servers.get(id).vm == SHELVED_OFFLOADED;
                                        m.attachments.add(new MAttachment(id, vol, offloaded ? "attached"
                                                : "reserved"));
                                        if (!offloaded) {
                                            m.pending.add(new Pending(Operation.ATTACH_VOLUME, id, vol, null, now,
                                                    expected < 0));
                                        }
                                    }
                                }
                                case "detach" -> {
                                    int expected = detachVolume(m, caller, id, vol, mv);
                                    if (w.run(caller, new DetachVolume(id, vol, mv), expected, r -> r) != null) {
                                        if (m.servers.get(id).vm == SHELVED_OFFLOADED) {
                                            m.attachments.remove(m.attachmentOf(id, vol));
                                        } else {
                                            m.attachmentOf(id, vol).state = "detaching";
                                            m.pending.add(new Pending(Operation.DETACH_VOLUME, id, vol, null, now,
                                                    expected < 0));
                                        }
                                    }
                                }
                                default -> {
                                    int expected = swap(m, caller, id, vol, other);
                                    if (w.run(caller, UpdateVolumeAttachment.swap(id, vol, other), expected,
                                            r -> r) != null) {
                                        m.attachmentOf(id, vol).state = "detaching";
                                        m.volumes.get(other).swapStatus = "reserved";
                                        m.pending.add(new Pending(Operation.SWAP_VOLUME, id, vol, other, now,
                                                expected < 0));
                                    }
                                }
                            }
                        }));
            }
        };
    }

    static Action<World> media() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.everCreated.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World state) {
                return Combinators.combine(Arbitraries.of(state.everCreated), Arbitraries.of(ISO, IMAGE),
                        Arbitraries.of(CALLERS), Arbitraries.of(true, false)).as((id, image, caller, attach) ->
                        Transformer.mutate((attach ? "media-attach " : "media-detach ") + image.substring(0, 4)
                                + " #" + state.everCreated.indexOf(id) + " as " + caller.userId(), w -> {
                            Instant now = w.cloud.now();
                            w.model.settle(now);
                            int expected = media(w.model, caller, id, image, attach);
                            Command command = attach ? new AttachMedia(id, image) : new DetachMedia(id, image);
                            if (w.run(caller, command, expected, r -> r) != null) {
                                Expected e = w.model.servers.get(id);
                                e.running = attach ? Operation.MEDIA_ATTACH : Operation.MEDIA_DETACH;
                                e.runningSince = now;
                                e.task = attach ? TaskState.MEDIA_ATTACHING : TaskState.MEDIA_DETACHING;
                                w.model.media.put(id + "/" + image, attach ? "attaching" : "detaching");
                                w.model.pending.add(new Pending(attach ? Operation.MEDIA_ATTACH
                                        : Operation.MEDIA_DETACH, id, image, null, now, expected < 0));
                            }
                        }));
            }
        };
    }

    static Action<World> injectFault() {
        return (Action.Independent<World>) () -> Combinators.combine(Arbitraries.of(FAULTABLE),
                        Arbitraries.of("error", "fail"))
                .as((op, kind) -> Transformer.mutate("inject " + kind + " into next " + op, w -> {
                    FaultEffect effect = kind.equals("error") ? FaultEffect.Error.serviceUnavailable("injected")
                            : new FaultEffect.FailCompletion(500, "injected failure");
                    w.cloud.addFault(new FaultRule("rule-" + (++w.faultRules), FaultMatch.operation(op), effect,
                            Trigger.nextCalls(1)));
                    w.model.faults.computeIfAbsent(op, k -> new ArrayDeque<>()).add(kind);
                }));
    }

    static Action<World> advance() {
        return (Action.Independent<World>) () -> Arbitraries.integers().between(0, 12)
                .map(quarters -> Transformer.mutate("advance " + quarters * 250 + "ms",
                        w -> w.cloud.advance(Duration.ofMillis(250L * quarters))));
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(() -> {
                    World w = new World();
                    w.cloud.addFault(CloudModelProperties.DOOMED_BUILDS_FAIL);
                    return w;
                })
                .withAction(2, create())
                .withAction(3, lifecycle())
                .withAction(4, interfaces())
                .withAction(4, volumes())
                .withAction(2, media())
                .withAction(1, injectFault())
                .withAction(4, advance())
                .withMaxTransformations(50);
    }

    @Property(tries = 200)
    void attachAndDetachBehaveLikeTheModel(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("the engine matches the model", AttachDetachModelProperties::matchesModel)
                .withInvariant("ports, volumes and media agree with each other", AttachDetachModelProperties::consistent)
                .run();
        World last = chain.finalState().orElseThrow();
        last.cloud.runUntilIdle();
        consistent(last);
        EventLog replayLog = new EventLog();
        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(7), Timings.defaults(), replayLog);
        Replay.onto(replayed, last.log.events());
        replayed.advanceTo(last.cloud.now());
        assertThat(replayed.state()).isEqualTo(last.cloud.state());
        assertThat(replayLog.events()).isEqualTo(last.log.events());
    }

    static void matchesModel(World w) {
        Model m = w.model;
        m.settle(w.cloud.now());
        CloudState s = w.cloud.state();
        assertThat(s.servers()).extracting(Server::id).containsExactlyInAnyOrderElementsOf(m.servers.keySet());
        for (Server server : s.servers()) {
            Expected e = m.servers.get(server.id());
            assertThat(server.vmState()).as("vm_state of %s", server.id()).isEqualTo(e.vm);
            assertThat(server.taskState()).as("task_state of %s", server.id()).isEqualTo(e.task);
        }
        Map<String, String> ports = new HashMap<>();
        s.ports().forEach(p -> ports.put(p.id(), p.deviceId()));
        Map<String, String> expectedPorts = new HashMap<>();
        m.ports.forEach((id, p) -> expectedPorts.put(id, p.server == null ? "" : p.server));
        assertThat(ports).as("ports and what they are bound to").isEqualTo(expectedPorts);

        List<String> attachments = s.volumeAttachments().stream()
                .map(a -> a.serverId() + " " + a.volumeId() + " " + a.status().name().toLowerCase()).sorted().toList();
        List<String> expectedAttachments = m.attachments.stream().map(a -> a.server + " " + a.volume + " " + a.state)
                .sorted().toList();
        assertThat(attachments).as("volume attachments").isEqualTo(expectedAttachments);
        for (CinderVolume volume : s.volumes()) {
            assertThat(volume.status().value()).as("status of volume %s", volume.id())
                    .isEqualTo(m.volumeStatus(volume.id()));
        }
        Map<String, String> media = new HashMap<>();
        s.media().forEach(x -> media.put(x.serverId() + "/" + x.imageId(), x.status().name().toLowerCase()));
        assertThat(media).as("media").isEqualTo(m.media);
    }

    static void consistent(World w) {
        CloudState s = w.cloud.state();
        Set<String> live = new java.util.HashSet<>();
        s.servers().forEach(server -> live.add(server.id()));
        for (Port port : s.ports()) {
            assertThat(port.deviceId().isEmpty() || live.contains(port.deviceId()))
                    .as("port %s is bound to a live server", port.id()).isTrue();
        }
        for (VolumeAttachment a : s.volumeAttachments()) {
            assertThat(live).as("attachment %s points at a live server", a.bdmUuid()).contains(a.serverId());
        }
        for (CinderVolume volume : s.volumes()) {
            List<VolumeAttachment> of = s.volumeAttachments().stream()
                    .filter(a -> a.volumeId().equals(volume.id())).toList();
            if (!volume.multiattach()) {
                assertThat(of).as("a single-attach volume has at most one attachment").hasSizeLessThanOrEqualTo(1);
            }
            boolean complete = of.stream().anyMatch(a -> a.status() == AttachStatus.ATTACHED);
            boolean inFlight = of.stream().anyMatch(a -> a.status() != AttachStatus.ATTACHED);
            if (volume.status() == VolumeStatus.IN_USE) {
                assertThat(complete).as("in-use volume %s has a complete attachment", volume.id()).isTrue();
            }
            if (of.stream().anyMatch(a -> a.status() == AttachStatus.DETACHING)) {
                assertThat(volume.status()).isEqualTo(VolumeStatus.DETACHING);
            } else if (complete) {
                assertThat(volume.status()).isEqualTo(VolumeStatus.IN_USE);
            } else if (inFlight) {
                assertThat(volume.status()).isIn(VolumeStatus.RESERVED, VolumeStatus.ATTACHING);
            }
        }
        for (Server server : s.servers()) {
            assertThat(w.cloud.interfaces(ADMIN, server.id())).extracting(Port::id)
                    .as("the interfaces of %s, from the index, are its ports in creation order", server.id())
                    .containsExactlyElementsOf(s.ports().stream().filter(p -> p.boundTo(server.id()))
                            .map(Port::id).toList());
            Map<String, List<ServerAddress>> addresses = w.cloud.addresses(ADMIN, server.id());
            long bound = s.ports().stream().filter(p -> p.boundTo(server.id())).count();
            assertThat(addresses.values().stream().mapToLong(List::size).sum())
                    .as("addresses of %s agree with its ports", server.id()).isEqualTo(bound);
            for (List<ServerAddress> list : addresses.values()) {
                for (ServerAddress address : list) {
                    assertThat(s.ports()).anySatisfy(p -> {
                        assertThat(p.boundTo(server.id())).isTrue();
                        assertThat(p.fixedIps().get(0).ipAddress()).isEqualTo(address.address());
                        assertThat(p.macAddress()).isEqualTo(address.macAddress());
                    });
                }
            }
        }
        for (MediaAttachment media : s.media()) {
            assertThat(live).contains(media.serverId());
        }
        assertThat(Objects.requireNonNull(s.firedFaults())).allSatisfy(f -> assertThat(f.requestId()).isNotNull());
    }
}
