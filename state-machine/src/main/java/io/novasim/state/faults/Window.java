package io.novasim.state.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When on virtual time a rule is active: from an instant, until another or for good. Calls outside it pass as if the
 * rule were not there (they do not count towards its {@code after}). With {@code ramp}, the rule's probability rises
 * with the window, from nothing at its start to the full probability at its end: a gradual outage.
 *
 * @param from  the first instant it is active
 * @param until the first instant it is no longer active, or null for an open end
 * @param ramp  whether the probability rises over the window (needs an end)
 */
public record Window(Instant from, Instant until, boolean ramp) {
    public Window {
        Objects.requireNonNull(from, "from");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("the window ends (" + until + ") before it starts (" + from + ")");
        }
        if (ramp && until == null) {
            throw new IllegalArgumentException("a ramp needs the window's end, to rise to");
        }
    }

    /** Active for {@code length} from {@code from}: "a five-minute outage starting at +2 min" is one window. */
    public static Window of(Instant from, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the window's length must be positive, not " + length);
        }
        return new Window(from, from.plus(length), false);
    }

    /** Active from {@code from} on, for good. */
    public static Window from(Instant from) {
        return new Window(from, null, false);
    }

    /** The same window, its probability rising from nothing at its start to the rule's at its end. */
    public Window ramped() {
        return new Window(from, until, true);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }

    /** The rule's probability at {@code at}, inside the window: the full one, or on a ramp the share of it so far. */
    double probabilityAt(double probability, Instant at) {
        if (!ramp) {
            return probability;
        }
        double span = Duration.between(from, until).toNanos();
        return probability * Duration.between(from, at).toNanos() / span;
    }
}
