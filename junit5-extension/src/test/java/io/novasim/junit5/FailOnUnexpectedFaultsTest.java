package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * failOnUnexpectedFaults: the afterEach check on its own, then whole sample classes (one meant to fail) run with
 * EngineTestKit.
 */
@Timeout(30)
class FailOnUnexpectedFaultsTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    // ---------------------------------------------------------------- the check itself

    @Test
    void aRuleAddedDuringTheTestThatNeverFiredIsReported() {
        NovaSimulatorExtension.Baseline before = new NovaSimulatorExtension.Baseline(Set.of(), 0);

        assertThat(NovaSimulatorExtension.unfiredRules(before, List.of(rule("a"), rule("b")), List.of(fired("b"))))
                .containsExactly("a");
    }

    @Test
    void rulesThatWereThereBeforeTheTestAreNotItsBusiness() {
        NovaSimulatorExtension.Baseline before = new NovaSimulatorExtension.Baseline(Set.of("old"), 0);

        assertThat(NovaSimulatorExtension.unfiredRules(before, List.of(rule("old")), List.of())).isEmpty();
    }

    @Test
    void onlyFiringsDuringTheTestCount() {
        NovaSimulatorExtension.Baseline before = new NovaSimulatorExtension.Baseline(Set.of(), 1);

        assertThat(NovaSimulatorExtension.unfiredRules(before, List.of(rule("again")), List.of(fired("again"))))
                .containsExactly("again");
        assertThat(NovaSimulatorExtension.unfiredRules(before, List.of(rule("again")),
                List.of(fired("again"), fired("again")))).isEmpty();
    }

    @Test
    void afterAResetDuringTheTestEveryFiringCounts() {
        NovaSimulatorExtension.Baseline before = new NovaSimulatorExtension.Baseline(Set.of(), 5);

        assertThat(NovaSimulatorExtension.unfiredRules(before, List.of(rule("x"), rule("y")), List.of(fired("x"))))
                .containsExactly("y");
    }

    // ---------------------------------------------------------------- in a run

    @Test
    void aTestWhoseRuleNeverFiredFailsAndOneWhoseRuleFiredPasses() {
        Events tests = Samples.run(Strict.class).testEvents();

        tests.assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        tests.assertThatEvents()
                .haveExactly(1, event(test("addsARuleThatNeverFires"), finishedWithFailure(
                        instanceOf(AssertionError.class), message(m -> m.contains("[never-fires]")))))
                .haveExactly(1, event(test("addsARuleAndFiresIt"), finishedSuccessfully()))
                .haveExactly(1, event(test("addsNoRule"), finishedSuccessfully()));
    }

    @Test
    void byDefaultUnfiredRulesAreTolerated() {
        Samples.run(Tolerant.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void theAnnotationTurnsTheCheckOn() {
        Samples.run(StrictAnnotated.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("addsARuleThatNeverFires"), finishedWithFailure(
                        message(m -> m.contains("[never-fires]")))));
    }

    @Test
    void aRuleLeftByAnEarlierTestIsNotHeldAgainstTheNext() {
        Samples.run(StrictWithoutReset.class).testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    // ---------------------------------------------------------------- samples, run only by EngineTestKit

    static FaultRule rule(String id) {
        return new FaultRule(id, FaultMatch.operation(Operation.CREATE),
                FaultEffect.Error.serviceUnavailable("try again"), Trigger.nextCalls(1));
    }

    private static FiredFault fired(String id) {
        return new FiredFault(T, id, Operation.CREATE, "req-1", null, FaultEffect.Error.serviceUnavailable("no"));
    }

    private static void createOnce(NovaSimulator sim) {
        assertThat(Http.createServer(sim, Http.demoToken(sim), "web").statusCode()).isEqualTo(503);
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class Strict {
        @RegisterExtension
        static NovaSimulatorExtension nova = NovaSimulatorExtension.builder().failOnUnexpectedFaults(true).build();

        @Test
        void addsARuleThatNeverFires() {
            nova.control().addFault(rule("never-fires"));
        }

        @Test
        void addsARuleAndFiresIt() {
            nova.control().addFault(rule("fires"));
            createOnce(nova.simulator());
        }

        @Test
        void addsNoRule() {
            assertThat(nova.control().faultRules()).isEmpty();
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class Tolerant {
        @RegisterExtension
        NovaSimulatorExtension nova = NovaSimulatorExtension.builder().build();

        @Test
        void addsARuleThatNeverFires() {
            nova.control().addFault(rule("never-fires"));
        }
    }

    @NovaSimulatorTest(failOnUnexpectedFaults = true)
    @ExtendWith(OnlyInTestKit.class)
    @Timeout(30)
    static class StrictAnnotated {
        @Test
        void addsARuleThatNeverFires(SimulatorControl control) {
            control.addFault(rule("never-fires"));
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Timeout(30)
    static class StrictWithoutReset {
        @RegisterExtension
        static NovaSimulatorExtension nova = NovaSimulatorExtension.builder().failOnUnexpectedFaults(true)
                .resetBeforeEachTest(false).build();

        @Test
        @Order(1)
        void addsARuleThatFiresOnce() {
            nova.control().addFault(rule("once"));
            createOnce(nova.simulator());
        }

        @Test
        @Order(2)
        void findsItStillThereButSpent() {
            assertThat(nova.control().faultRules()).extracting(FaultRule::id).containsExactly("once");
        }
    }
}
