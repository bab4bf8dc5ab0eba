package io.novasim.state;

import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreateServer;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request-id stream counts its draws, so that a cloud rebuilt from a history can go on where it stopped. */
class RequestIdStreamTest {
    private final EventLog log = new EventLog();
    private final Cloud original = Fixtures.cloud(3, log);
    private final List<String> used = new ArrayList<>();

    /** A run as an HTTP adapter makes one: a request id for every request, reads included. */
    private void someRequests() {
        used.add(original.newRequestId()); // a read
        String create = original.newRequestId();
        used.add(create);
        original.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE), create);
        used.add(original.newRequestId()); // another read
        used.add(original.execute(ALICE, new CreateKeypair("k", null, null)).requestId()); // drawn by the engine
    }

    @Test
    void everyDrawIsCounted() {
        assertThat(original.requestIdsDrawn()).isZero();
        someRequests();
        assertThat(original.requestIdsDrawn()).isEqualTo(4);
        assertThat(used).doesNotHaveDuplicates();
    }

    @Test
    void aRebuiltCloudFastForwardedGoesOnWithTheIdsTheRecordedOneWouldHaveDrawn() {
        someRequests();
        Cloud rebuilt = Fixtures.cloud(3);
        Replay.onto(rebuilt, log.events());
        assertThat(rebuilt.requestIdsDrawn()).as("the history's commands ran under their recorded ids").isZero();

        rebuilt.fastForwardRequestIds(original.requestIdsDrawn());
        String next = rebuilt.newRequestId();
        assertThat(used).doesNotContain(next);
        assertThat(next).isEqualTo(original.newRequestId());
    }

    @Test
    void withoutFastForwardARebuiltCloudWouldReuseIds() {
        someRequests();
        Cloud rebuilt = Fixtures.cloud(3);
        Replay.onto(rebuilt, log.events());
        assertThat(rebuilt.newRequestId()).isEqualTo(used.get(0));
    }

    @Test
    void fastForwardingNeverGoesBack() {
        someRequests();
        original.fastForwardRequestIds(2);
        assertThat(original.requestIdsDrawn()).isEqualTo(4);
        assertThatThrownBy(() -> original.fastForwardRequestIds(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
