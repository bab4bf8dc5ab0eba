package io.novasim.state;

import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Perform;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the clock to a time before any work falls due only moves the clock; moving it past due work completes that
 * work at its planned time, whichever thread moved it and however the moves interleave with commands.
 */
class ClockFollowingTest {
    @Test
    void aMoveShortOfDueWorkOnlyMovesTheClock() {
        Cloud cloud = cloud(1);
        Instant start = cloud.now();
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.advanceTo(start.plusMillis(10));
        assertThat(cloud.now()).isEqualTo(start.plusMillis(10));
        assertThat(cloud.server(ALICE, server.id()).vmState()).isEqualTo(VmState.BUILDING);

        cloud.advanceTo(start.plus(Duration.ofMinutes(1)));
        Server built = cloud.server(ALICE, server.id());
        assertThat(built.vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(built.launchedAt()).isBefore(start.plus(Duration.ofMinutes(1)));
    }

    @Test
    @Timeout(30)
    void movesFromManyThreadsEndAsOneMoveWould() throws InterruptedException {
        Cloud followed = cloud(5);
        Cloud stepped = cloud(5);
        Instant start = followed.now();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            servers.add(followed.execute(ALICE, new CreateServer("web-" + i, FLAVOR, IMAGE)).server().id());
            stepped.execute(ALICE, new CreateServer("web-" + i, FLAVOR, IMAGE));
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> movers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread mover = new Thread(() -> {
                for (int ms = 1; ms <= 20_000 && !stop.get(); ms += 7) {
                    try {
                        followed.advanceTo(start.plusMillis(ms));
                    } catch (IllegalArgumentException movedFurtherAlready) {
                        // another thread was ahead: time never goes back
                    }
                }
            });
            movers.add(mover);
            mover.start();
        }
        for (Thread mover : movers) {
            mover.join();
        }
        followed.advanceTo(start.plusSeconds(30));
        stepped.advance(Duration.ofSeconds(30));
        assertThat(followed.state()).isEqualTo(stepped.state());
        followed.execute(ALICE, new Perform(servers.get(0), Operation.STOP));
        assertThat(followed.server(ALICE, servers.get(0)).vmState()).isEqualTo(VmState.ACTIVE);
    }
}
