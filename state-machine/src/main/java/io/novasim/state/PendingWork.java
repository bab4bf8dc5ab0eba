package io.novasim.state;

import io.novasim.state.rules.Operation;

import java.time.Instant;

/**
 * Asynchronous work the engine has in flight, as readers see it: what it is, what it acts on, and when its current
 * step ends.
 *
 * @param serverId   the server it belongs to, or {@code null} for volume-only work (a volume being created)
 * @param resourceId the port, volume or image it acts on besides the server, or {@code null} for the server's own
 *                   lifecycle work
 * @param operation  the operation that started it
 * @param phase      its current step, from 0
 * @param phases     how many steps it has
 * @param due        when its current step ends; {@code null} while a {@code Stuck} fault holds it until released
 * @param failing    whether a fault decided it fails when it ends
 */
public record PendingWork(String serverId, String resourceId, Operation operation, int phase, int phases, Instant due,
                          boolean failing) {

    /** Whether a fault holds it until released. */
    public boolean held() {
        return due == null;
    }
}
