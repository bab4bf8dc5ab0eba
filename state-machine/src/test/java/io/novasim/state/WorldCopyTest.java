package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of the engine goes its own way: the same commands give the copy and an engine that was never copied the same
 * state, work, answers and events, and the original is not moved by the copy.
 */
class WorldCopyTest {
    private static final List<Operation> LIFECYCLE = List.of(Operation.STOP, Operation.START, Operation.REBOOT_SOFT,
            Operation.REBOOT_HARD, Operation.PAUSE, Operation.UNPAUSE, Operation.SHELVE, Operation.UNSHELVE,
            Operation.RESCUE, Operation.UNRESCUE, Operation.LOCK, Operation.UNLOCK, Operation.DELETE,
            Operation.SUSPEND, Operation.RESUME, Operation.RESIZE, Operation.CONFIRM_RESIZE,
            Operation.CREATE_IMAGE);

    @Test
    void everyFieldOfTheWorldIsCopied() {
        Set<String> fields = Arrays.stream(World.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).collect(Collectors.toSet());
        // copyFrom copies each of these; the last five are the world's own (its draws, settings and listener) or
        // a lock, a buffer that is empty between commands, and answer effects handed over to the adapter.
        assertThat(fields).as("a field added to World must be copied by World.copyFrom, then listed here")
                .containsExactlyInAnyOrder("catalog", "faults", "servers", "serverUsage", "quotaOverrides", "actions",
                        "actionsRead", "ports", "portsByDevice", "unboundOrder", "nextPortOrder", "volumes",
                        "attachments", "media", "swapTargets", "ipUsage", "keypairs", "serverGroups",
                        "securityGroups", "hostsDown", "migrations", "migrationsGone", "images",
                        "rollbackFailedDetach", "jobs", "due", "tickets", "requestIdsDrawn",
                        "ids", "timings", "listener", "requestIdLock", "commandEvents", "answerEffects");
    }

    @Property(tries = 60)
    void aCopyAndAnEngineNeverCopiedAgreeStepForStep(@ForAll("walks") List<Integer> walk,
                                                     @ForAll @IntRange(min = 0, max = 40) int forkAt) {
        EventLog referenceLog = new EventLog();
        Cloud reference = Fixtures.cloud(9, referenceLog);
        Cloud original = Fixtures.cloud(9);
        Ids ids = new Ids(reference);
        Cloud copy = null;
        EventLog copyLog = new EventLog();
        int referenceEventsAtFork = 0;
        for (int i = 0; i < walk.size(); i++) {
            if (i == Math.min(forkAt, walk.size() - 1)) {
                copy = original.copy(copyLog);
                referenceEventsAtFork = referenceLog.size();
                assertThat(copy.state()).isEqualTo(original.state());
            }
            String answer = step(reference, walk.get(i), ids);
            if (copy != null) {
                assertThat(step(copy, walk.get(i), ids)).isEqualTo(answer);
            } else {
                assertThat(step(original, walk.get(i), ids)).isEqualTo(answer);
            }
        }
        assertThat(copy.state()).isEqualTo(reference.state());
        assertThat(copy.pendingWork()).isEqualTo(reference.pendingWork());
        List<SimEvent> afterFork = referenceLog.events().subList(referenceEventsAtFork, referenceLog.size());
        assertThat(copyLog.events()).isEqualTo(afterFork);
        assertThat(copy.newRequestId()).isEqualTo(reference.newRequestId());
    }

    /** The ids both engines share, found on the reference as it goes (the copy draws the same ones). */
    private static final class Ids {
        final Cloud reference;

        Ids(Cloud reference) {
            this.reference = reference;
        }

        String server(int pick) {
            List<io.novasim.model.server.Server> servers = reference.servers(ALICE);
            return servers.isEmpty() ? "no-server" : servers.get(Math.floorMod(pick, servers.size())).id();
        }

        String port(int pick) {
            List<io.novasim.model.network.Port> ports = reference.ports(ALICE);
            return ports.isEmpty() ? "no-port" : ports.get(Math.floorMod(pick, ports.size())).id();
        }

        String volume(int pick) {
            List<io.novasim.model.volume.CinderVolume> volumes = reference.volumes(ALICE);
            return volumes.isEmpty() ? "no-volume" : volumes.get(Math.floorMod(pick, volumes.size())).id();
        }
    }

    /** One step of a walk, the same on any engine; returns what it answered. */
    private static String step(Cloud cloud, int code, Ids ids) {
        int kind = code % 12;
        int pick = code / 12;
        try {
            Command command = switch (kind) {
                case 0 -> new CreateServer("s" + pick % 3, FLAVOR, IMAGE);
                case 1 -> new CreatePort(NET, "p" + pick % 3, null);
                case 2 -> new CreateVolume("v" + pick % 3, 1, false, false);
                case 3 -> lifecycleCommand(ids.server(pick), LIFECYCLE.get(pick % LIFECYCLE.size()), null);
                case 4 -> new AttachInterface(ids.server(pick), ids.port(pick / 7), null, null, null);
                case 5 -> new DetachInterface(ids.server(pick), ids.port(pick / 7));
                case 6 -> AttachVolume.of(ids.server(pick), ids.volume(pick / 7));
                case 7 -> DetachVolume.of(ids.server(pick), ids.volume(pick / 7));
                case 8 -> pick % 2 == 0 ? new AttachMedia(ids.server(pick), ISO) : new DetachMedia(ids.server(pick), ISO);
                default -> null;
            };
            if (command != null) {
                return cloud.execute(ALICE, command).requestId();
            }
            if (kind == 9) {
                cloud.advance(Duration.ofMillis(250L * (1 + pick % 12)));
                return "advanced";
            }
            if (kind == 10) {
                List<FaultEffect> effects = List.of(new FaultEffect.FailCompletion(500, "boom"),
                        new FaultEffect.Stuck(null, pick % 2 == 0 ? null : Duration.ofSeconds(3)),
                        new FaultEffect.Delay(Duration.ofSeconds(4)), FaultEffect.Error.serviceUnavailable("busy"));
                String id = "f" + pick % 4;
                if (!cloud.removeFault(id)) {
                    cloud.addFault(new FaultRule(id, FaultMatch.any(), effects.get(pick % 4),
                            pick % 3 == 0 ? Trigger.withProbability(0.5) : Trigger.nextCalls(1 + pick % 2)));
                }
                return "faults " + cloud.faultRules().size();
            }
            return "released " + cloud.release(ids.server(pick));
        } catch (ComputeException refused) {
            return refused.code() + " " + refused.getMessage();
        }
    }

    @Provide
    Arbitrary<List<Integer>> walks() {
        return Arbitraries.integers().between(0, 12 * 200).list().ofMinSize(5).ofMaxSize(60);
    }
}
