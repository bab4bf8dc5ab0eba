package io.novasim.state.faults;

import io.novasim.state.rules.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's window on virtual time: it is active inside it and nowhere else, and a ramp rises across it. */
class FaultWindowProperties {
    private static final Instant ZERO = Instant.parse("2026-01-01T00:00:00Z");
    private static final FaultTarget CALL = FaultTarget.server(Operation.DETACH_VOLUME, "s-1", "web", "p-1");

    private static FaultRule rule(Trigger trigger) {
        return new FaultRule("outage", FaultMatch.operation(Operation.DETACH_VOLUME),
                FaultEffect.Error.serviceUnavailable("down"), trigger);
    }

    @Property
    void aWindowedRuleFiresOnEveryCallInsideItsWindowAndOnNoneOutside(
            @ForAll @IntRange(max = 600) int startsAt, @ForAll @IntRange(min = 1, max = 600) int lasts,
            @ForAll @Size(max = 40) List<@IntRange(max = 1500) Integer> callsAt) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        Window window = Window.of(ZERO.plusSeconds(startsAt), Duration.ofSeconds(lasts));
        plan.add(rule(Trigger.always().within(window)));
        List<Integer> sorted = callsAt.stream().sorted().toList();
        for (int at : sorted) {
            boolean fired = plan.decide(CALL, "req", ZERO.plusSeconds(at)).isPresent();
            assertThat(fired).as("a call at +%ds, the window [+%ds, +%ds)", at, startsAt, startsAt + lasts)
                    .isEqualTo(at >= startsAt && at < startsAt + lasts);
        }
    }

    @Property
    void callsOutsideTheWindowDoNotCountTowardsAfter(@ForAll @IntRange(max = 5) int after,
                                                     @ForAll @IntRange(min = 1, max = 20) int before) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        plan.add(rule(new Trigger(after, -1, 1.0).within(Window.from(ZERO.plusSeconds(100)))));
        for (int i = 0; i < before; i++) {
            assertThat(plan.decide(CALL, "req", ZERO.plusSeconds(i))).isEmpty();
        }
        for (int i = 0; i < after; i++) {
            assertThat(plan.decide(CALL, "req", ZERO.plusSeconds(100 + i))).as("the %d calls it lets pass", after)
                    .isEmpty();
        }
        assertThat(plan.decide(CALL, "req", ZERO.plusSeconds(100 + after))).isPresent();
    }

    @Property
    void aRampFiresWhereItsRisingProbabilityPassesTheDraw(@ForAll @IntRange(min = 1, max = 99) int drawPercent,
                                                          @ForAll @IntRange(max = 999) int at) {
        double draw = drawPercent / 100.0;
        FaultPlan plan = new FaultPlan(() -> draw);
        plan.add(rule(Trigger.always().within(Window.of(ZERO, Duration.ofSeconds(1000)).ramped())));
        // the probability rises from 0 at the start to 1 at the end: at +t s it is t / 1000
        assertThat(plan.decide(CALL, "req", ZERO.plusSeconds(at)).isPresent()).isEqualTo(draw < at / 1000.0);
    }

    @Test
    void aWindowEndsAfterItStartsAndARampNeedsAnEnd() {
        assertThatThrownBy(() -> new Window(ZERO, ZERO, false)).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> Window.of(ZERO, Duration.ofSeconds(-5))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Window.from(ZERO).ramped()).hasMessageContaining("a ramp needs the window's end");
    }
}
