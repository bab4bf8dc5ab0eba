package io.novasim.state.explore;

import io.novasim.state.rules.Operation;

/** One step an exploration may take from a state. */
public sealed interface Step {
    /** How graphs, traces and reports name it: {@code detach-volume}, {@code detach-volume!fail}, {@code complete}. */
    String label();

    /**
     * A client's call, optionally with a fault injected into it.
     *
     * @param operation  what the client asks for
     * @param fault      the fault injected into this call, or {@code null}
     * @param serverId   the server it acts on
     * @param resourceId the port, volume or image it attaches or detaches, or {@code null}
     * @param label      its name in graphs and traces
     */
    record Call(Operation operation, ExploreFault fault, String serverId, String resourceId, String label)
            implements Step {
    }

    /** The clock moves on to the next work that falls due, which completes (all of it due at that instant). */
    record Complete() implements Step {
        @Override
        public String label() {
            return "complete";
        }
    }

    /** Work a {@code stuck} fault holds on this server is let go (the control plane's release). */
    record Release(String serverId, String label) implements Step {
    }
}
