package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * When simulators start and close: one per class for a static field and for the annotation, one per test for an
 * instance field; checked by running sample classes with EngineTestKit and looking at what they saw.
 */
@Timeout(30)
class LifecycleTest {

    @Test
    void aStaticFieldServesTheClassWithOneSimulatorClosedAfterIt() {
        StaticField.SEEN.clear();
        Samples.run(StaticField.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(StaticField.SEEN).hasSize(3).containsOnly(StaticField.SEEN.get(0));
        assertThat(StaticField.SEEN.get(0)).hasToString("NovaSimulator{closed}");
        assertThatThrownBy(StaticField.nova::simulator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstanceFieldGivesEveryTestItsOwnSimulatorClosedAfterTheTest() {
        InstanceField.SEEN.clear();
        Samples.run(InstanceField.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(InstanceField.SEEN).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(sim -> assertThat(sim).hasToString("NovaSimulator{closed}"));
    }

    @Test
    void aPerClassInstanceGetsOneSimulatorEvenThroughItsConstructor() {
        PerClassAnnotated.SEEN.clear();
        Samples.run(PerClassAnnotated.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(PerClassAnnotated.SEEN).hasSize(4).containsOnly(PerClassAnnotated.SEEN.get(0));
        assertThat(PerClassAnnotated.SEEN.get(0)).hasToString("NovaSimulator{closed}");
    }

    @Test
    void aPerClassInstanceFieldServesItsClassWithOneSimulator() {
        PerClassInstanceField.SEEN.clear();
        Samples.run(PerClassInstanceField.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(PerClassInstanceField.SEEN).hasSize(3).containsOnly(PerClassInstanceField.SEEN.get(0));
        assertThat(PerClassInstanceField.SEEN.get(0)).hasToString("NovaSimulator{closed}");
    }

    @Test
    void twoExtensionsOnOneClassKeepTwoSimulators() {
        TwoExtensions.SEEN.clear();
        Samples.run(TwoExtensions.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(TwoExtensions.SEEN).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(sim -> assertThat(sim).hasToString("NovaSimulator{closed}"));
    }

    @Test
    void theAccessorsSayWhenNoSimulatorRuns() {
        NovaSimulatorExtension unused = NovaSimulatorExtension.builder().build();

        assertThatThrownBy(unused::simulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no simulator is running");
        assertThatThrownBy(unused::control).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(unused::credentials).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSettingOutOfRangeFailsTheClassWhenItStarts() {
        EngineExecutionResults results = Samples.run(BadSetting.class);

        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(BadSetting.class),
                finishedWithFailure(instanceOf(IllegalArgumentException.class),
                        message(m -> m.contains("clock speed cannot be negative")))));
    }

    // ---------------------------------------------------------------- samples, run only by EngineTestKit

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class StaticField {
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static NovaSimulatorExtension nova = NovaSimulatorExtension.builder().build();

        @Test
        void one() {
            see();
        }

        @Test
        void two() {
            see();
        }

        @Test
        void three() {
            see();
        }

        private static void see() {
            SEEN.add(nova.simulator());
            assertThat(Http.computeVersionStatus(nova.simulator())).isEqualTo(200);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class InstanceField {
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();

        /** One builder, built anew for every test. */
        @RegisterExtension
        NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
                .simulator(NovaSimulator.builder().seed(3)).resetBeforeEachTest(false).build();

        @Test
        void one(NovaSimulator parameter) {
            see(parameter);
        }

        @Test
        void two(NovaSimulator parameter) {
            see(parameter);
        }

        @Test
        void three(NovaSimulator parameter) {
            see(parameter);
        }

        /** Fresh although nothing resets it: a server made by an earlier test is not there. */
        private void see(NovaSimulator parameter) {
            assertThat(parameter).isSameAs(nova.simulator());
            assertThat(parameter.settings().seed()).isEqualTo(3);
            SEEN.forEach(earlier -> assertThat(earlier).hasToString("NovaSimulator{closed}"));
            SEEN.add(parameter);
            String token = Http.demoToken(parameter);
            assertThat(Http.listServers(parameter, token).body()).doesNotContain("\"mine\"");
            assertThat(Http.createServer(parameter, token, "mine").statusCode()).isEqualTo(202);
        }
    }

    @NovaSimulatorTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class PerClassAnnotated {
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();

        PerClassAnnotated(NovaSimulator sim) {
            SEEN.add(sim);
        }

        @Test
        void one(NovaSimulator sim) {
            SEEN.add(sim);
        }

        @Test
        void two(SimulatorControl control) {
            assertThat(control).isSameAs(SEEN.get(0).control());
            SEEN.add(SEEN.get(0));
        }

        @Test
        void three(NovaSimulator sim) {
            SEEN.add(sim);
            assertThat(Http.computeVersionStatus(sim)).isEqualTo(200);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class PerClassInstanceField {
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        NovaSimulatorExtension nova = NovaSimulatorExtension.builder().build();

        @Test
        void one() {
            SEEN.add(nova.simulator());
        }

        @Test
        void two() {
            SEEN.add(nova.simulator());
        }

        @Test
        void three() {
            SEEN.add(nova.simulator());
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class BadSetting {
        @RegisterExtension
        static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
                .simulator(NovaSimulator.builder().clockSpeed(-1)).build();

        @Test
        void neverRuns() {
            throw new AssertionError("a simulator with a negative clock speed was started");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class TwoExtensions {
        static final List<NovaSimulator> SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static NovaSimulatorExtension first = NovaSimulatorExtension.builder()
                .simulator(NovaSimulator.builder().seed(1)).build();
        @RegisterExtension
        static NovaSimulatorExtension second = NovaSimulatorExtension.builder()
                .simulator(NovaSimulator.builder().seed(2)).build();

        @Test
        void both() {
            SEEN.add(first.simulator());
            SEEN.add(second.simulator());
            assertThat(first.simulator().settings().seed()).isEqualTo(1);
            assertThat(second.simulator().settings().seed()).isEqualTo(2);
            assertThat(first.simulator().port()).isNotEqualTo(second.simulator().port());
        }
    }
}
