package io.novasim.state.log;

/** Receives the engine's events, under the engine's lock and in order. It must not call back into the engine. */
@FunctionalInterface
public interface EventListener {
    EventListener NONE = event -> { };

    void on(SimEvent event);
}
