package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.keypair.Keypair;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.Receipt;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state the API keeps beside the lifecycles (key pairs), driven by random chains of commands against a small
 * model: a refused command changes nothing, the engine agrees with the model after every step, and a replay of the
 * log reproduces the state and the history.
 */
class EngineStateProperties {
    static final long SEED = 11;
    static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY, ADMIN);
    static final List<String> KEY_NAMES = List.of("a", "b", "c");

    /** The chain's state: the engine, its log, and what the model expects of it. */
    static final class Run {
        final EventLog log = new EventLog();
        final Cloud cloud = Fixtures.cloud(SEED, log);
        /** Per user, its key pairs' names and public keys (null: generated), oldest first. */
        final Map<String, Map<String, String>> keypairs = new LinkedHashMap<>();

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
            return "Run" + keypairs;
        }
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
                .withAction(1, advance())
                .withMaxTransformations(30);
    }

    @Property(tries = 200)
    void theEngineKeepsWhatTheModelExpectsAndAReplayRebuildsIt(@ForAll("chains") ActionChain<Run> chain) {
        chain.withInvariant("key pairs match the model", EngineStateProperties::keypairsMatch).run();
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
}
