package io.novasim.state.log;

import java.util.ArrayList;
import java.util.List;

/** An {@link EventListener} that keeps every event, for replay, transcripts and tests. */
public final class EventLog implements EventListener {
    private final List<SimEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(SimEvent event) {
        events.add(event);
    }

    public synchronized List<SimEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }
}
