package io.novasim.state.faults;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long something takes, drawn from a distribution on each call with the simulator's seeded source: the same seed
 * draws the same lengths in the same places. Lengths are whole milliseconds, never negative (a normal draw below zero
 * is zero). A {@link Spiked} latency is now and then many times longer, as real services are under a sudden load.
 */
public sealed interface Latency {

    /**
     * Draws a length.
     *
     * @param uniform uniform draws in [0, 1) from the seeded source
     * @return the length, in whole milliseconds, not negative
     */
    Duration draw(DoubleSupplier uniform);

    /** A short description in the rule language's words: {@code lognormal(median 2s, sigma 0.5)}. */
    String describe();

    /** This latency, {@code factor} times longer on a share {@code probability} of the draws. */
    default Latency withSpikes(double probability, double factor) {
        return new Spiked(this, probability, factor);
    }

    static Latency fixed(Duration length) {
        return new Fixed(length);
    }

    /** Always {@code length}: nothing is drawn. */
    record Fixed(Duration length) implements Latency {
        public Fixed {
            notNegative("seconds", length);
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            return length;
        }

        @Override
        public String describe() {
            return seconds(length);
        }
    }

    /** Any length from {@code min} to {@code max}, each as likely. */
    record Uniform(Duration min, Duration max) implements Latency {
        public Uniform {
            notNegative("min", min);
            notNegative("max", max);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max (" + seconds(max) + ") must not be less than min ("
                        + seconds(min) + ")");
            }
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            return millis(nanos(min) + uniform.getAsDouble() * (nanos(max) - nanos(min)));
        }

        @Override
        public String describe() {
            return "uniform(" + seconds(min) + " to " + seconds(max) + ")";
        }
    }

    /** Lengths around {@code mean}, spread by {@code stddev} (a bell curve; draws below zero are zero). */
    record Normal(Duration mean, Duration stddev) implements Latency {
        public Normal {
            notNegative("mean", mean);
            notNegative("stddev", stddev);
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            return millis(nanos(mean) + standardNormal(uniform) * nanos(stddev));
        }

        @Override
        public String describe() {
            return "normal(mean " + seconds(mean) + ", stddev " + seconds(stddev) + ")";
        }
    }

    /** Memoryless lengths with this {@code mean}: most short, a few long, as waits in a queue. */
    record Exponential(Duration mean) implements Latency {
        public Exponential {
            notNegative("mean", mean);
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            return millis(-nanos(mean) * Math.log(1 - uniform.getAsDouble()));
        }

        @Override
        public String describe() {
            return "exponential(mean " + seconds(mean) + ")";
        }
    }

    /**
     * Lengths whose logarithm is normal: half below {@code median}, with a long tail that {@code sigma} stretches, as
     * measured service latencies are.
     */
    record Lognormal(Duration median, double sigma) implements Latency {
        public Lognormal {
            notNegative("median", median);
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be a number, 0 or more: " + sigma);
            }
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            return millis(nanos(median) * Math.exp(sigma * standardNormal(uniform)));
        }

        @Override
        public String describe() {
            return "lognormal(median " + seconds(median) + ", sigma " + sigma + ")";
        }
    }

    /** {@code base}, but {@code factor} times longer with {@code probability}. */
    record Spiked(Latency base, double probability, double factor) implements Latency {
        public Spiked {
            Objects.requireNonNull(base, "base");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("spike.probability must be from 0 to 1: " + probability);
            }
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("spike.factor must be a number, 1 or more: " + factor);
            }
        }

        @Override
        public Duration draw(DoubleSupplier uniform) {
            Duration drawn = base.draw(uniform);
            // drawn every time, spike or not: how many draws a call takes does not depend on what they gave
            boolean spike = uniform.getAsDouble() < probability;
            return spike ? millis(nanos(drawn) * factor) : drawn;
        }

        @Override
        public String describe() {
            return base.describe() + " with spikes x" + factor + " at " + probability;
        }
    }

    private static void notNegative(String name, Duration length) {
        Objects.requireNonNull(length, name);
        if (length.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + seconds(length));
        }
    }

    private static double nanos(Duration length) {
        return length.toNanos();
    }

    /** Whole milliseconds, rounded; nothing below zero. */
    private static Duration millis(double nanos) {
        return nanos <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(nanos / 1_000_000));
    }

    /** A standard normal draw, from two uniform ones (Box-Muller). */
    private static double standardNormal(DoubleSupplier uniform) {
        double u1 = 1 - uniform.getAsDouble(); // in (0, 1]: its logarithm is finite
        double u2 = uniform.getAsDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Seconds as the rule language writes them: {@code 2s}, {@code 0.25s}. */
    static String seconds(Duration length) {
        return java.math.BigDecimal.valueOf(length.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }
}
