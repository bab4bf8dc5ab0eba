package io.novasim.state.faults;

/**
 * When a rule fires among the calls it matches: it lets the first {@code after} matching calls pass, then fires at
 * most {@code times} times ({@code -1}: no limit), each with {@code probability} (drawn from the simulator's seeded
 * source, so a seed reproduces the same draws); only inside its {@code window} on virtual time, when it has one; and
 * with a {@code rate}, only on the calls a project makes over it.
 */
public record Trigger(int after, int times, double probability, Window window, Rate rate) {
    /** A trigger active whenever its calls come. */
    public Trigger(int after, int times, double probability) {
        this(after, times, probability, null, null);
    }

    public Trigger {
        if (rate != null && after != 0) {
            throw new IllegalArgumentException("a rate lets its calls pass itself: after does not go with it");
        }
        if (after < 0 || times < -1 || times == 0) {
            throw new IllegalArgumentException("after >= 0 and times >= 1 (or -1 for no limit)");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
        }
    }

    public static Trigger always() {
        return new Trigger(0, -1, 1.0);
    }

    /** The next {@code n} matching calls, then never again: "fail N times, then succeed". */
    public static Trigger nextCalls(int n) {
        return new Trigger(0, n, 1.0);
    }

    /** Every matching call after the first {@code m}. */
    public static Trigger afterCalls(int m) {
        return new Trigger(m, -1, 1.0);
    }

    public static Trigger withProbability(double p) {
        return new Trigger(0, -1, p);
    }

    /** The same trigger, active only inside {@code window}: "fail every matching call for the next 30 s". */
    public Trigger within(Window window) {
        return new Trigger(after, times, probability, window, rate);
    }

    /** Fires on the calls a project makes over {@code rate}: "10 creates a minute per project". */
    public static Trigger overRate(Rate rate) {
        return new Trigger(0, -1, 1.0, null, rate);
    }

    public boolean exhausted(int fired) {
        return times != -1 && fired >= times;
    }

    /** Whether the rule is active at {@code at}: inside its window, or always when it has none. */
    public boolean activeAt(java.time.Instant at) {
        return window == null || window.covers(at);
    }

    /** The chance that the rule fires on a call at {@code at}, inside its window (a ramp rises with it). */
    public double probabilityAt(java.time.Instant at) {
        return window == null ? probability : window.probabilityAt(probability, at);
    }
}
