package io.novasim.state.faults;

import io.novasim.state.rules.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Latencies drawn from distributions with a seeded source: never negative, in whole milliseconds, the same for the
 * same seed, and shaped as their distribution says.
 */
class LatencyProperties {
    private static final Instant ZERO = Instant.parse("2026-01-01T00:00:00Z");
    private static final int DRAWS = 20_000;

    private static DoubleSupplier seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random::nextDouble;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static final List<Latency> EVERY_KIND = List.of(
            Latency.fixed(ms(250)),
            new Latency.Uniform(ms(100), ms(900)),
            new Latency.Normal(ms(500), ms(200)),
            new Latency.Exponential(ms(300)),
            new Latency.Lognormal(ms(200), 0.8),
            new Latency.Lognormal(ms(200), 0.8).withSpikes(0.05, 20));

    private static double[] draw(Latency latency, long seed) {
        DoubleSupplier uniform = seeded(seed);
        double[] seconds = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            Duration drawn = latency.draw(uniform);
            assertThat(drawn.isNegative()).as(latency.describe()).isFalse();
            assertThat(drawn.toNanos() % 1_000_000).as("whole milliseconds").isZero();
            seconds[i] = drawn.toMillis() / 1000.0;
        }
        return seconds;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Property(tries = 20)
    void theSameSeedDrawsTheSameLengths(@ForAll long seed, @ForAll @IntRange(max = 5) int kind) {
        Latency latency = EVERY_KIND.get(kind);
        DoubleSupplier one = seeded(seed);
        DoubleSupplier two = seeded(seed);
        for (int i = 0; i < 100; i++) {
            assertThat(latency.draw(one)).isEqualTo(latency.draw(two));
        }
    }

    @Property(tries = 50)
    void aUniformLatencyStaysWithinItsBounds(@ForAll @IntRange(max = 5000) int min,
                                            @ForAll @IntRange(max = 5000) int width, @ForAll long seed) {
        Latency uniform = new Latency.Uniform(ms(min), ms(min + width));
        DoubleSupplier source = seeded(seed);
        for (int i = 0; i < 200; i++) {
            assertThat(uniform.draw(source)).isBetween(ms(min), ms(min + width));
        }
    }

    @Property(tries = 30)
    void aSpikeMultipliesTheShareOfDrawsItsProbabilitySays(@ForAll @DoubleRange(min = 0.05, max = 0.5) double p,
                                                          @ForAll long seed) {
        double[] drawn = draw(Latency.fixed(ms(100)).withSpikes(p, 10), seed);
        long spikes = Arrays.stream(drawn).filter(s -> s == 1.0).count();
        assertThat(Arrays.stream(drawn).allMatch(s -> s == 0.1 || s == 1.0)).isTrue();
        assertThat((double) spikes / DRAWS).isCloseTo(p, within(0.02));
    }

    @Test
    void eachDistributionHasItsShape() {
        assertThat(mean(draw(new Latency.Uniform(ms(100), ms(900)), 1))).isCloseTo(0.5, within(0.01));
        double[] normal = draw(new Latency.Normal(ms(500), ms(100)), 2);
        assertThat(mean(normal)).isCloseTo(0.5, within(0.005));
        double sd = Math.sqrt(Arrays.stream(normal).map(s -> (s - 0.5) * (s - 0.5)).average().orElseThrow());
        assertThat(sd).isCloseTo(0.1, within(0.005));
        assertThat(mean(draw(new Latency.Exponential(ms(300)), 3))).isCloseTo(0.3, within(0.01));
        double[] lognormal = draw(new Latency.Lognormal(ms(200), 0.8), 4);
        assertThat(median(lognormal)).isCloseTo(0.2, within(0.01));
        assertThat(mean(lognormal)).as("a long tail: the mean is median * e^(sigma^2/2)")
                .isCloseTo(0.2 * Math.exp(0.32), within(0.01));
        assertThat(draw(Latency.fixed(ms(250)), 5)).containsOnly(0.25);
    }

    @Test
    void aNormalDrawBelowZeroIsZero() {
        double[] drawn = draw(new Latency.Normal(ms(10), ms(100)), 6);
        assertThat(Arrays.stream(drawn).filter(s -> s == 0).count()).isGreaterThan(DRAWS / 3);
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThatThrownBy(() -> new Latency.Uniform(ms(5), ms(1))).hasMessage("max (0.001s) must not be less than "
                + "min (0.005s)");
        assertThatThrownBy(() -> new Latency.Normal(ms(-1), ms(1))).hasMessage("mean must not be negative: -0.001s");
        assertThatThrownBy(() -> new Latency.Lognormal(ms(1), -1)).hasMessage("sigma must be a number, 0 or more: "
                + "-1.0");
        assertThatThrownBy(() -> Latency.fixed(ms(1)).withSpikes(1.5, 2)).hasMessage("spike.probability must be "
                + "from 0 to 1: 1.5");
        assertThatThrownBy(() -> Latency.fixed(ms(1)).withSpikes(0.5, 0.5)).hasMessage("spike.factor must be a "
                + "number, 1 or more: 0.5");
    }

    @Property(tries = 20)
    void aFiredDelayHoldsTheLengthDrawnAndTheSameSeedFiresTheSameLengths(@ForAll long seed) {
        assertThat(firedLengths(seed)).isEqualTo(firedLengths(seed));
    }

    private static List<Duration> firedLengths(long seed) {
        FaultPlan plan = new FaultPlan(seeded(seed));
        plan.add(new FaultRule("slow-detach", FaultMatch.operation(Operation.DETACH_VOLUME),
                new FaultEffect.Delay(new Latency.Exponential(ms(2000))), Trigger.always()));
        plan.add(new FaultRule("slow-answer", FaultMatch.operation(Operation.ATTACH_VOLUME),
                new FaultEffect.SlowAnswer(new Latency.Uniform(ms(10), ms(20))), Trigger.withProbability(0.5)));
        List<Duration> lengths = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Operation op = i % 2 == 0 ? Operation.DETACH_VOLUME : Operation.ATTACH_VOLUME;
            plan.decide(FaultTarget.server(op, "s-1", "web", "p-1"), "req-" + i, ZERO.plusSeconds(i))
                    .map(FiredFault::effect).ifPresent(effect -> {
                        Duration length = effect instanceof FaultEffect.Delay delay ? delay.length()
                                : ((FaultEffect.SlowAnswer) effect).length();
                        lengths.add(length);
                    });
        }
        assertThat(lengths.size()).isBetween(26, 49);
        return lengths;
    }
}
