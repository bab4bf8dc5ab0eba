package io.novasim.state.log;

import java.util.ArrayDeque;
import java.util.List;

/**
 * An {@link EventListener} that keeps events, for replay, transcripts and tests: every event, or the newest
 * {@code capacity} of them so that a long-running simulator's memory stays flat.
 */
public final class EventLog implements EventListener {
    private final ArrayDeque<SimEvent> events = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    /** Keeps every event. */
    public EventLog() {
        this(Integer.MAX_VALUE);
    }

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void on(SimEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
            dropped++;
        }
        events.addLast(event);
    }

    public synchronized List<SimEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }

    /** How many of the oldest events were let go to stay within capacity (a replay needs none dropped). */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        events.clear();
        dropped = 0;
    }
}
