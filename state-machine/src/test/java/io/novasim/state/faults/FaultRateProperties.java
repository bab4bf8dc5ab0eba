package io.novasim.state.faults;

import io.novasim.state.rules.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rate limit: each project's calls within the rate pass, those over it fire, told when they may try again. */
class FaultRateProperties {
    private static final Instant ZERO = Instant.parse("2026-01-01T00:00:00Z");

    private static FaultTarget call(String project) {
        return FaultTarget.server(Operation.CREATE, null, "web", project);
    }

    private static FaultPlan limited(int calls, int perSeconds) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        plan.add(new FaultRule("rate", FaultMatch.operation(Operation.CREATE),
                FaultEffect.Error.tooManyRequests("slow down"),
                Trigger.overRate(new Rate(calls, Duration.ofSeconds(perSeconds)))));
        return plan;
    }

    @Property
    void aCallFiresExactlyWhenItsProjectAlreadyHadTheRateOfPassedCallsWithinTheSpan(
            @ForAll @IntRange(min = 1, max = 5) int calls, @ForAll @IntRange(min = 1, max = 120) int per,
            @ForAll @Size(max = 60) List<@IntRange(max = 600) Integer> callsAt) {
        FaultPlan plan = limited(calls, per);
        List<Integer> passedAt = new ArrayList<>(); // the model: the calls that passed
        for (int at : callsAt.stream().sorted().toList()) {
            long recent = passedAt.stream().filter(t -> t > at - per).count();
            Optional<FiredFault> fired = plan.decide(call("p-1"), "req", ZERO.plusSeconds(at));
            assertThat(fired.isPresent()).as("a call at +%ds after passes at %s, %d per %ds", at, passedAt, calls, per)
                    .isEqualTo(recent >= calls);
            if (fired.isEmpty()) {
                passedAt.add(at);
            } else {
                int oldest = passedAt.stream().filter(t -> t > at - per).min(Integer::compare).orElseThrow();
                assertThat(((FaultEffect.Error) fired.get().effect()).retryAfter())
                        .as("until the oldest counted call leaves the span").isEqualTo(Duration.ofSeconds(oldest + per - at));
            }
        }
    }

    @Property
    void eachProjectHasARateOfItsOwn(@ForAll @IntRange(min = 1, max = 5) int calls) {
        FaultPlan plan = limited(calls, 60);
        for (int i = 0; i < calls; i++) {
            assertThat(plan.decide(call("p-1"), "req", ZERO.plusSeconds(i))).isEmpty();
        }
        assertThat(plan.decide(call("p-1"), "req", ZERO.plusSeconds(calls))).isPresent();
        assertThat(plan.decide(call("p-2"), "req", ZERO.plusSeconds(calls))).as("another project").isEmpty();
    }

    @Test
    void aRateAllowsACallInAPositiveSpanAndTakesNoAfter() {
        assertThatThrownBy(() -> new Rate(0, Duration.ofSeconds(60))).hasMessageContaining("at least 1 call");
        assertThatThrownBy(() -> new Rate(1, Duration.ZERO)).hasMessageContaining("span must be positive");
        assertThatThrownBy(() -> new Trigger(2, -1, 1.0, null, new Rate(1, Duration.ofSeconds(1))))
                .hasMessageContaining("after does not go with it");
    }
}
