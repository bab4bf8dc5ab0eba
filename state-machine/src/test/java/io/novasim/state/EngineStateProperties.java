package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.keypair.Keypair;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerDetails;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.DeleteServerMetadata;
import io.novasim.state.command.DeleteVolume;
import io.novasim.state.command.Networks;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.SetServerMetadata;
import io.novasim.state.command.UpdateServer;
import io.novasim.state.command.UpdateServerTags;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.novasim.model.quota.QuotaResource;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state the API keeps beside the lifecycles (key pairs, server details, volume details), driven by random chains of commands against a small
 * model: a refused command changes nothing, the engine agrees with the model after every step, and a replay of the
 * log reproduces the state and the history.
 */
class EngineStateProperties {
    static final long SEED = 11;
    static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY, ADMIN);
    static final List<String> KEY_NAMES = List.of("a", "b", "c");
    /** Unset fields are drawn as "" (jqwik's combinators take no nulls). */
    static final String UNSET = "";

    static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** What the model expects of a server's details, as Nova would show them. */
    record ExpectedServer(String project, String name, String keyName, String description, List<String> tags,
                          String reservation, int launchIndex, String hostname, boolean plain) {
        ExpectedServer renamed(String newName) {
            return new ExpectedServer(project, newName, keyName, description, tags, reservation, launchIndex,
                    hostname, false);
        }

        ExpectedServer described(String newDescription) {
            return new ExpectedServer(project, name, keyName, newDescription, tags, reservation, launchIndex,
                    hostname, false);
        }

        ExpectedServer tagged(List<String> newTags) {
            return new ExpectedServer(project, name, keyName, description, List.copyOf(newTags), reservation,
                    launchIndex, hostname, false);
        }

        ExpectedServer hostnamed(String newHostname) {
            return new ExpectedServer(project, name, keyName, description, tags, reservation, launchIndex,
                    newHostname, false);
        }
    }

    /** What the model expects of a volume's details. */
    record ExpectedVolume(String project, String userId, String description, Map<String, String> metadata,
                          String volumeType, String sourceVolumeId) {
    }

    /** The chain's state: the engine, its log, and what the model expects of it. */
    static final class Run {
        final EventLog log = new EventLog();
        final Cloud cloud = Fixtures.cloud(SEED, log);
        /** Per user, its key pairs' names and public keys (null: generated), oldest first. */
        final Map<String, Map<String, String>> keypairs = new LinkedHashMap<>();
        final Map<String, ExpectedServer> servers = new LinkedHashMap<>();
        /** Per server, the metadata it should have. */
        final Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
        final Map<String, ExpectedVolume> volumes = new LinkedHashMap<>();
        /** Volumes whose delete was accepted: gone once it completes. */
        final Set<String> deleting = new HashSet<>();

        /** Runs a command; returns its receipt, or null when it was refused, which must have changed nothing. */
        Receipt run(Caller caller, Command command) {
            CloudState before = cloud.state();
            try {
                return cloud.execute(caller, command);
            } catch (ComputeException refused) {
                assertThat(cloud.state()).as("refused %s changes nothing", command).isEqualTo(before);
                return null;
            }
        }

        Map<String, String> keypairsOf(Caller caller) {
            return keypairs.computeIfAbsent(caller.userId(), user -> new LinkedHashMap<>());
        }

        @Override
        public String toString() {
            return "Run" + keypairs + servers.keySet() + volumes.keySet();
        }
    }

    /** An action on one of the servers the chain has made, once it has made one. */
    static Action<Run> onAServer(java.util.function.Function<Run, Arbitrary<Transformer<Run>>> transformer) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(Run run) {
                return !run.servers.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<Run>> transformer(Run state) {
                return transformer.apply(state);
            }
        };
    }

    static Action<Run> createKeypair() {
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of(KEY_NAMES), Arbitraries.of(CALLERS),
                        Arbitraries.of("", "ssh-rsa AAAAB3 me@host"))
                .as((name, caller, key) -> Transformer.mutate("create key pair " + name + " as " + caller.userId(),
                        run -> {
                            String publicKey = key.isEmpty() ? null : key;
                            boolean taken = run.keypairsOf(caller).containsKey(name);
                            Receipt receipt = run.run(caller, new CreateKeypair(name, publicKey, null));
                            assertThat(receipt == null).as("refused exactly when the name is taken").isEqualTo(taken);
                            if (receipt != null) {
                                run.keypairsOf(caller).put(name, publicKey);
                                assertThat(receipt.privateKey() != null).isEqualTo(publicKey == null);
                            }
                        }));
    }

    static Action<Run> deleteKeypair() {
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of(KEY_NAMES), Arbitraries.of(CALLERS))
                .as((name, caller) -> Transformer.mutate("delete key pair " + name + " as " + caller.userId(),
                        run -> {
                            boolean held = run.keypairsOf(caller).containsKey(name);
                            Receipt receipt = run.run(caller, new DeleteKeypair(name));
                            assertThat(receipt == null).as("refused exactly when there is none").isEqualTo(!held);
                            run.keypairsOf(caller).remove(name);
                        }));
    }

    static Action<Run> createServer() {
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of("web", "Web Server", "db"),
                        Arbitraries.of(CALLERS), Arbitraries.of(UNSET, "a", "b"), Arbitraries.of(UNSET, "d", "web"),
                        Arbitraries.of(List.<String>of(), List.of("t2", "t1")), Arbitraries.of(UNSET, "host-1"),
                        Arbitraries.of(1, 1, 2, 3))
                .as((name, caller, key, description, tags, hostname, count) -> Transformer.mutate(
                        "create " + count + " " + name + " as " + caller.userId() + " key " + key + " hostname "
                                + hostname, run -> {
                            // No networks: a full subnet is not what this property is about.
                            CreateServer command = new CreateServer(name, FLAVOR, IMAGE, null, "nova", Map.of(),
                                    Networks.NONE, count, orNull(key), null, orNull(description), tags,
                                    orNull(hostname));
                            long held = run.servers.values().stream()
                                    .filter(s -> s.project().equals(caller.projectId())).count();
                            boolean overQuota = held + count > QuotaResource.INSTANCES.configDefault();
                            boolean refused = (count > 1 && !hostname.isEmpty())
                                    || (!key.isEmpty() && !run.keypairsOf(caller).containsKey(key)) || overQuota;
                            Receipt receipt = run.run(caller, command);
                            assertThat(receipt == null)
                                    .as("refused for a shared hostname, another's key or the instances quota")
                                    .isEqualTo(refused);
                            if (receipt == null) {
                                return;
                            }
                            String reservation = "r-" + receipt.server().id().substring(0, 8);
                            for (int i = 0; i < count; i++) {
                                Server server = receipt.servers().get(i);
                                String nameOf = command.nameOf(i);
                                String hostnameOf = orNull(hostname) != null ? hostname
                                        : ServerDetails.hostnameFrom(nameOf, server.id());
                                boolean plain = count == 1 && key.isEmpty() && description.isEmpty()
                                        && tags.isEmpty() && hostname.isEmpty();
                                run.servers.put(server.id(), new ExpectedServer(caller.projectId(), nameOf,
                                        orNull(key), orNull(description), tags, reservation, i, hostnameOf, plain));
                                run.metadata.put(server.id(), new LinkedHashMap<>());
                            }
                        }));
    }

    /** Whether Nova lets the caller change the server's metadata now: unlocked (or an admin), settled, not busy. */
    static boolean metadataChangeable(Run run, String id, Caller caller) {
        Server server = run.cloud.server(ADMIN, id);
        return (!server.locked() || caller.admin()) && server.taskState() == TaskState.NONE && server.launched()
                && Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED, VmState.STOPPED)
                .contains(server.vmState());
    }

    static Action<Run> setMetadata() {
        return onAServer(state -> Combinators.combine(Arbitraries.of(new ArrayList<>(state.servers.keySet())),
                        Arbitraries.of(CALLERS), Arbitraries.of(Map.of("a", "1"), Map.of("a", "2", "b", "3"),
                                Map.<String, String>of()), Arbitraries.of(true, false))
                .as((id, caller, items, replace) -> Transformer.mutate("set metadata " + items + " on " + id
                        + (replace ? " replacing" : " merging") + " as " + caller.userId(), run -> {
                    boolean allowed = caller.canSee(run.servers.get(id).project())
                            && metadataChangeable(run, id, caller);
                    Receipt receipt = run.run(caller, new SetServerMetadata(id, items, replace));
                    assertThat(receipt != null).as("accepted exactly when visible and changeable")
                            .isEqualTo(allowed);
                    if (receipt != null) {
                        Map<String, String> expected = run.metadata.get(id);
                        if (replace) {
                            expected.clear();
                        }
                        expected.putAll(items);
                    }
                })));
    }

    static Action<Run> deleteMetadata() {
        return onAServer(state -> Combinators.combine(Arbitraries.of(new ArrayList<>(state.servers.keySet())),
                        Arbitraries.of(CALLERS), Arbitraries.of("a", "b"))
                .as((id, caller, key) -> Transformer.mutate("delete metadata " + key + " of " + id + " as "
                        + caller.userId(), run -> {
                    boolean allowed = caller.canSee(run.servers.get(id).project())
                            && run.metadata.get(id).containsKey(key) && metadataChangeable(run, id, caller);
                    Receipt receipt = run.run(caller, new DeleteServerMetadata(id, key));
                    assertThat(receipt != null).as("accepted exactly when visible, held and changeable")
                            .isEqualTo(allowed);
                    if (receipt != null) {
                        run.metadata.get(id).remove(key);
                    }
                })));
    }

    static Action<Run> changeTags() {
        return onAServer(state -> Combinators.combine(Arbitraries.of(new ArrayList<>(state.servers.keySet())),
                        Arbitraries.of(CALLERS), Arbitraries.of(UpdateServerTags.Change.class),
                        Arbitraries.of("t1", "t2"))
                .as((id, caller, change, tag) -> Transformer.mutate(change + " tag " + tag + " on " + id
                        + " as " + caller.userId(), run -> {
                    ExpectedServer expected = run.servers.get(id);
                    List<String> tags = new ArrayList<>(expected.tags());
                    List<String> given = switch (change) {
                        case ADD, REMOVE -> List.of(tag);
                        case REPLACE -> List.of(tag, "t3");
                        case CLEAR -> List.of();
                    };
                    Server server = run.cloud.server(ADMIN, id);
                    boolean allowed = caller.canSee(expected.project())
                            && Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED, VmState.STOPPED)
                            .contains(server.vmState())
                            && (change != UpdateServerTags.Change.REMOVE || tags.contains(tag));
                    Receipt receipt = run.run(caller, new UpdateServerTags(id, change, given));
                    assertThat(receipt != null).as("accepted exactly when visible, settled and held")
                            .isEqualTo(allowed);
                    if (receipt == null) {
                        return;
                    }
                    switch (change) {
                        case ADD -> {
                            if (!tags.contains(tag)) {
                                tags.add(tag);
                            }
                        }
                        case REMOVE -> tags.remove(tag);
                        case REPLACE -> {
                            tags.clear();
                            tags.addAll(given);
                        }
                        case CLEAR -> tags.clear();
                    }
                    run.servers.put(id, expected.tagged(tags));
                })));
    }

    /** A lock, unlock, stop or start by an admin: the states the metadata gate reads. */
    static Action<Run> changeState() {
        return onAServer(state -> Combinators.combine(Arbitraries.of(new ArrayList<>(state.servers.keySet())),
                        Arbitraries.of(Operation.LOCK, Operation.UNLOCK, Operation.STOP, Operation.START))
                .as((id, operation) -> Transformer.mutate(operation + " " + id,
                        run -> run.run(ADMIN, new Perform(id, operation)))));
    }

    static Action<Run> updateServer() {
        return onAServer(state -> Combinators.combine(Arbitraries.of(new ArrayList<>(state.servers.keySet())),
                        Arbitraries.of(CALLERS), Arbitraries.of(UNSET, "renamed", "Web Server", "web"),
                        Arbitraries.of("absent", UNSET, "d2", "web"), Arbitraries.of(UNSET, "host-2"))
                .as((id, caller, name, description, hostname) -> Transformer.mutate("update " + id
                        + " as " + caller.userId() + ": " + name + "/" + description + "/" + hostname,
                        run -> {
                            ExpectedServer expected = run.servers.get(id);
                            boolean describes = !description.equals("absent");
                            Receipt receipt = run.run(caller, new UpdateServer(id, orNull(name),
                                    describes ? orNull(description) : null, describes, orNull(hostname)));
                            boolean visible = caller.canSee(expected.project());
                            assertThat(receipt != null).as("refused only when not visible")
                                    .isEqualTo(visible);
                            if (receipt == null) {
                                return;
                            }
                            if (!name.isEmpty()) {
                                expected = expected.renamed(name); // Nova keeps the hostname
                            }
                            if (describes) {
                                expected = expected.described(orNull(description));
                            }
                            if (!hostname.isEmpty()) {
                                expected = expected.hostnamed(hostname);
                            }
                            run.servers.put(id, expected);
                        })));
    }

    static Action<Run> createVolume() {
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of(CALLERS),
                        Arbitraries.of(UNSET, "d"), Arbitraries.of(Map.<String, String>of(), Map.of("k", "v", "a", "b")),
                        Arbitraries.of(UNSET, "fast"), Arbitraries.of(false, true))
                .as((caller, description, metadata, type, cloned) -> Transformer.mutate("create volume as "
                        + caller.userId() + (cloned ? " cloned" : ""), run -> {
                    String source = cloned && !run.volumes.isEmpty() ? run.volumes.keySet().iterator().next() : null;
                    // Cinder's volumes quota counts a volume until its delete completes, which the model does not
                    // time: a deleting volume may or may not count yet
                    long held = run.volumes.entrySet().stream().filter(e -> e.getValue().project()
                            .equals(caller.projectId()) && !run.deleting.contains(e.getKey())).count();
                    long going = run.volumes.entrySet().stream().filter(e -> e.getValue().project()
                            .equals(caller.projectId()) && run.deleting.contains(e.getKey())).count();
                    int quota = QuotaResource.VOLUMES.configDefault();
                    Receipt receipt = run.run(caller, new CreateVolume("v", 1, false, false, orNull(description),
                            metadata, orNull(type), source));
                    if (held >= quota) {
                        assertThat(receipt).as("refused by the volumes quota").isNull();
                    } else if (held + going < quota) {
                        assertThat(receipt).as("a volume create is accepted").isNotNull();
                    }
                    if (receipt == null) {
                        return;
                    }
                    run.volumes.put(receipt.volume().id(), new ExpectedVolume(caller.projectId(), caller.userId(),
                            orNull(description), metadata, type.isEmpty() ? CinderVolume.DEFAULT_TYPE : type, source));
                }));
    }

    static Action<Run> deleteVolume() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(Run run) {
                return !run.volumes.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<Run>> transformer(Run state) {
                return Combinators.combine(Arbitraries.of(new ArrayList<>(state.volumes.keySet())),
                                Arbitraries.of(CALLERS))
                        .as((id, caller) -> Transformer.mutate("delete volume " + id + " as " + caller.userId(),
                                run -> {
                                    Receipt receipt = run.run(caller, new DeleteVolume(id));
                                    if (!caller.canSee(run.volumes.get(id).project())) {
                                        assertThat(receipt).as("another project's volume").isNull();
                                    }
                                    if (receipt != null) {
                                        run.deleting.add(id);
                                    }
                                }));
            }
        };
    }

    static Action<Run> advance() {
        return (Action.Independent<Run>) () -> Arbitraries.integers().between(0, 8)
                .map(seconds -> Transformer.mutate("advance " + seconds + "s",
                        run -> run.cloud.advance(Duration.ofSeconds(seconds))));
    }

    @Provide
    Arbitrary<ActionChain<Run>> chains() {
        return ActionChain.startWith(Run::new)
                .withAction(3, createKeypair())
                .withAction(2, deleteKeypair())
                .withAction(3, createServer())
                .withAction(3, updateServer())
                .withAction(2, createVolume())
                .withAction(1, deleteVolume())
                .withAction(1, advance())
                .withAction(2, setMetadata())
                .withAction(1, deleteMetadata())
                .withAction(1, changeState())
                .withAction(2, changeTags())
                .withMaxTransformations(40);
    }

    @Property(tries = 200)
    void theEngineKeepsWhatTheModelExpectsAndAReplayRebuildsIt(@ForAll("chains") ActionChain<Run> chain) {
        chain.withInvariant("key pairs match the model", EngineStateProperties::keypairsMatch)
                .withInvariant("server details match the model", EngineStateProperties::serversMatch)
                .withInvariant("volume details match the model", EngineStateProperties::volumesMatch)
                .run();
        Run last = chain.finalState().orElseThrow();

        EventLog replayLog = new EventLog();
        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(SEED), Timings.defaults(),
                replayLog);
        Replay.onto(replayed, last.log.events());
        replayed.advanceTo(last.cloud.now());
        assertThat(replayed.state()).isEqualTo(last.cloud.state());
        assertThat(replayLog.events()).isEqualTo(last.log.events());
    }

    static void keypairsMatch(Run run) {
        for (Caller caller : CALLERS) {
            List<Keypair> keypairs = run.cloud.keypairs(caller);
            assertThat(keypairs).extracting(Keypair::name).as("key pairs of %s", caller.userId())
                    .containsExactlyElementsOf(new ArrayList<>(run.keypairsOf(caller).keySet()));
            for (Keypair keypair : keypairs) {
                String imported = run.keypairsOf(caller).get(keypair.name());
                if (imported != null) {
                    assertThat(keypair.publicKey()).isEqualTo(imported);
                } else {
                    assertThat(keypair.publicKey()).startsWith("ssh-ed25519 ").endsWith(" Generated-by-Nova");
                }
            }
        }
    }

    static void serversMatch(Run run) {
        List<Server> servers = run.cloud.servers(ADMIN);
        assertThat(servers).extracting(Server::id).containsExactlyInAnyOrderElementsOf(run.servers.keySet());
        for (Server server : servers) {
            ExpectedServer expected = run.servers.get(server.id());
            ServerDetails details = server.details();
            assertThat(server.name()).isEqualTo(expected.name());
            assertThat(details.keyName()).isEqualTo(expected.keyName());
            assertThat(server.description()).isEqualTo(expected.description());
            assertThat(details.tags()).isEqualTo(expected.tags());
            assertThat(details.launchIndex()).isEqualTo(expected.launchIndex());
            assertThat(server.reservationId()).isEqualTo(expected.reservation());
            assertThat(server.hostname()).as("hostname of %s", expected.name()).isEqualTo(expected.hostname());
            assertThat(server.metadata()).as("metadata of %s", expected.name()).isEqualTo(run.metadata.get(server.id()));
            if (expected.plain()) {
                assertThat(details).as("nothing stored for a plain server").isSameAs(ServerDetails.NONE);
            }
        }
    }

    static void volumesMatch(Run run) {
        Set<String> held = new HashSet<>();
        for (CinderVolume volume : run.cloud.volumes(ADMIN)) {
            held.add(volume.id());
            ExpectedVolume expected = run.volumes.get(volume.id());
            assertThat(expected).as("volume %s is the model's", volume.id()).isNotNull();
            assertThat(new ExpectedVolume(volume.projectId(), volume.userId(), volume.description(),
                    volume.metadata(), volume.volumeType(), volume.sourceVolumeId())).isEqualTo(expected);
        }
        for (String id : run.volumes.keySet()) {
            assertThat(held.contains(id) || run.deleting.contains(id)).as("volume %s is held", id).isTrue();
        }
    }
}
