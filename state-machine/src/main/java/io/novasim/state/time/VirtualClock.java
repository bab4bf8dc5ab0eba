package io.novasim.state.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulated time. It moves only when told to, never backwards, and never by reading the wall clock: a test advances
 * it, a scenario advances it, or an adapter that wants real-time pacing advances it from its own clock.
 */
public final class VirtualClock {
    /** A fixed, memorable start so that a fresh simulator's timestamps are the same on every machine. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    /** Moved without a lock (compare and set): an adapter following the wall clock moves it at every request. */
    private final AtomicReference<Instant> now;

    public VirtualClock() {
        this(DEFAULT_START);
    }

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    public Instant now() {
        return now.get();
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + by);
        }
        now.updateAndGet(current -> current.plus(by));
    }

    /** @throws IllegalArgumentException when {@code when} is before the clock's time (another move went further) */
    public void advanceTo(Instant when) {
        while (true) {
            Instant current = now.get();
            if (when.isBefore(current)) {
                throw new IllegalArgumentException("time cannot go backwards: " + when + " is before " + current);
            }
            if (now.compareAndSet(current, when)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "VirtualClock{" + now.get() + "}";
    }
}
