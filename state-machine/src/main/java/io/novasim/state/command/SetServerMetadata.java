package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * A server's metadata set through {@code /servers/{id}/metadata}: merged into what it has ({@code POST}, and
 * {@code PUT .../metadata/{key}} for one item) or replacing all of it ({@code PUT .../metadata}). Nova refuses it on a
 * locked server (but for an admin), outside vm_states active, paused, suspended and stopped or during a task, and
 * beyond 128 items; it makes no instance action.
 *
 * @param metadata the items to set
 * @param replace  whether items not in {@code metadata} go
 */
public record SetServerMetadata(String serverId, Map<String, String> metadata, boolean replace) implements Command {
    public SetServerMetadata {
        Objects.requireNonNull(serverId, "serverId");
        // sorted: Map.copyOf's order changes from one JVM to the next, and snapshots must not
        metadata = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(metadata));
    }
}
