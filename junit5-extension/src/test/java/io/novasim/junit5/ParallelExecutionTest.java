package io.novasim.junit5;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that run concurrently, each with a simulator of its own (an instance field), do not see each other. This
 * class runs concurrently itself (junit-platform.properties turns parallel execution on); the sample proves the
 * overlap: its tests wait for each other while their simulators run.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(30)
class ParallelExecutionTest {
    @RegisterExtension
    NovaSimulatorExtension nova = NovaSimulatorExtension.builder().build();

    @Test
    void alpha() {
        onlyMine("alpha");
    }

    @Test
    void beta() {
        onlyMine("beta");
    }

    @Test
    void gamma() {
        onlyMine("gamma");
    }

    @Test
    void delta() {
        onlyMine("delta");
    }

    @Test
    void simulatorsRunAtTheSameTimeOnTheirOwnPorts() {
        Overlapping.PORTS.clear();
        Overlapping.THREADS.clear();
        Samples.run(Overlapping.class, Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(Overlapping.PORTS).hasSize(3);
        assertThat(Overlapping.THREADS).hasSize(3);
        assertThat(Overlapping.SEEN).allSatisfy(sim -> assertThat(sim).hasToString("NovaSimulator{closed}"));
    }

    private void onlyMine(String name) {
        NovaSimulator sim = nova.simulator();
        String token = Http.demoToken(sim);
        assertThat(Http.createServer(sim, token, name).statusCode()).isEqualTo(202);
        assertThat(Http.listServers(sim, token).body()).contains("\"" + name + "\"");
        assertThat(sim.control().state().servers()).singleElement()
                .satisfies(server -> assertThat(server.name()).isEqualTo(name));
        assertThat(nova.simulator()).isSameAs(sim);
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class Overlapping {
        static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
        static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();
        static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(3);

        @RegisterExtension
        NovaSimulatorExtension nova = NovaSimulatorExtension.builder().build();

        @Test
        void one() throws Exception {
            meet();
        }

        @Test
        void two() throws Exception {
            meet();
        }

        @Test
        void three() throws Exception {
            meet();
        }

        /** Waits, simulator running, until all three tests are running. */
        private void meet() throws Exception {
            NovaSimulator sim = nova.simulator();
            SEEN.add(sim);
            PORTS.add(sim.port());
            THREADS.add(Thread.currentThread().getName());
            assertThat(Http.computeVersionStatus(sim)).isEqualTo(200);
            ALL_RUNNING.await(10, TimeUnit.SECONDS);
            assertThat(Http.computeVersionStatus(sim)).isEqualTo(200);
            assertThat(nova.simulator()).isSameAs(sim);
        }
    }
}
