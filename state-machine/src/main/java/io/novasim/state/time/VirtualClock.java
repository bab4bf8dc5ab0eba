package io.novasim.state.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulated time. It moves only when told to, never backwards, and never by reading the wall clock: a test advances
 * it, a scenario advances it, or an adapter that wants real-time pacing advances it from its own clock.
 */
public final class VirtualClock {
    /** A fixed, memorable start so that a fresh simulator's timestamps are the same on every machine. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    public VirtualClock() {
        this(DEFAULT_START);
    }

    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public Instant now() {
        return now;
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + by);
        }
        now = now.plus(by);
    }

    public synchronized void advanceTo(Instant when) {
        if (when.isBefore(now)) {
            throw new IllegalArgumentException("time cannot go backwards: " + when + " is before " + now);
        }
        now = when;
    }

    @Override
    public String toString() {
        return "VirtualClock{" + now + "}";
    }
}
