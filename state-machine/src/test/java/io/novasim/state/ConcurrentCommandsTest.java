package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerStatus;
import io.novasim.model.server.TaskState;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Many threads at once: every command stays atomic, invariants hold, and the log replays to the same cloud. */
class ConcurrentCommandsTest {
    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 3_000;
    private static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY, ADMIN);
    private static final List<Operation> LIFECYCLE = java.util.Arrays.stream(Operation.values())
            .filter(op -> op != Operation.CREATE && op.kind() == Operation.Kind.LIFECYCLE).toList();

    private static Command attachOrDetach(SplittableRandom random, String serverId, List<String> volumes) {
        String volume = volumes.get(random.nextInt(volumes.size()));
        return switch (random.nextInt(6)) {
            case 0 -> AttachInterface.network(serverId, NET);
            case 1 -> new DetachInterface(serverId, "port-" + random.nextInt(3));
            case 2 -> new AttachVolume(serverId, volume, null, null, false, 60);
            case 3 -> DetachVolume.of(serverId, volume);
            case 4 -> new AttachMedia(serverId, ISO);
            default -> new DetachMedia(serverId, ISO);
        };
    }

    @Test
    @Timeout(60)
    void concurrentCommandsAreLinearizableAndReplayable() throws Exception {
        EventLog log = new EventLog();
        Cloud cloud = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(7), Timings.defaults(), log);
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> volumes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            volumes.add(cloud.execute(ALICE, new CreateVolume("v" + i, 1, i == 0, false)).volume().id());
        }
        int setupCommands = volumes.size();
        AtomicInteger issued = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(t);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        int dice = random.nextInt(100);
                        Caller caller = CALLERS.get(random.nextInt(CALLERS.size()));
                        try {
                            if (dice < 10 || ids.isEmpty()) {
                                issued.incrementAndGet();
                                ids.add(cloud.execute(caller, new CreateServer("s", FLAVOR, IMAGE)).server().id());
                            } else if (dice < 20) {
                                cloud.advance(Duration.ofMillis(250L * random.nextInt(8)));
                            } else if (dice < 30) {
                                cloud.servers(caller); // reads settle due work too: they race with commands
                            } else if (dice < 55) {
                                String id = ids.get(random.nextInt(ids.size()));
                                issued.incrementAndGet();
                                cloud.execute(caller, attachOrDetach(random, id, volumes));
                            } else {
                                String id = ids.get(random.nextInt(ids.size()));
                                Operation op = LIFECYCLE.get(random.nextInt(LIFECYCLE.size()));
                                issued.incrementAndGet();
                                cloud.execute(caller, lifecycleCommand(id, op, "stress"));
                            }
                        } catch (ComputeException refused) {
                            // refusals are part of the run; the log records them
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<SimEvent> history = log.events();
        assertThat(history.stream().filter(e -> e instanceof SimEvent.Executed))
                .hasSize(issued.get() + setupCommands);
        assertThat(cloud.servers(ADMIN)).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ServerStatus.of(s.vmState(), s.taskState()));
            assertThat(s.id()).isIn(ids);
        });

        CloudState state = cloud.state();
        List<String> live = state.servers().stream().map(Server::id).toList();
        assertThat(state.volumeAttachments()).allSatisfy(a -> assertThat(live).contains(a.serverId()));
        assertThat(state.ports()).allSatisfy(p -> assertThat(p.deviceId().isEmpty() || live.contains(p.deviceId()))
                .isTrue());
        assertThat(state.volumeAttachments().stream().filter(a -> !a.volumeId().equals(volumes.get(0)))
                .collect(java.util.stream.Collectors.groupingBy(a -> a.volumeId())).values())
                .allSatisfy(perVolume -> assertThat(perVolume).hasSizeLessThanOrEqualTo(1));

        EventLog replayLog = new EventLog();
        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(7), Timings.defaults(),
                replayLog);
        Replay.onto(replayed, history);
        replayed.advanceTo(cloud.now());
        assertThat(replayed.state()).isEqualTo(cloud.state());
        assertThat(replayLog.events()).isEqualTo(log.events());

        cloud.runUntilIdle();
        assertThat(cloud.servers(ADMIN)).allSatisfy(s -> assertThat(s.taskState()).isEqualTo(TaskState.NONE));
    }
}
