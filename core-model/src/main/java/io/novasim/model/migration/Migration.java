package io.novasim.model.migration;

import io.novasim.model.server.VmState;

import java.time.Instant;
import java.util.Objects;

/**
 * A move of a server, as Nova records it for a resize: {@code pre-migrating}, {@code migrating},
 * {@code post-migrating}, {@code finished}; then {@code confirming} and {@code confirmed}, or {@code reverting} and
 * {@code reverted}; {@code error} when the work fails. Deleted with its server.
 *
 * @param id          Nova's number for it, from 1
 * @param type        {@code resize}, or {@code migration} when the flavor stays
 * @param oldVmState  the vm_state a revert goes back to (Nova keeps it as {@code old_vm_state})
 */
public record Migration(int id, String uuid, String serverId, String projectId, String userId, String type,
                        String status, String oldFlavorId, String newFlavorId, VmState oldVmState, Instant created,
                        Instant updated) {
    public static final String PRE_MIGRATING = "pre-migrating";
    public static final String MIGRATING = "migrating";
    public static final String POST_MIGRATING = "post-migrating";
    public static final String FINISHED = "finished";
    public static final String CONFIRMING = "confirming";
    public static final String CONFIRMED = "confirmed";
    public static final String REVERTING = "reverting";
    public static final String REVERTED = "reverted";
    public static final String ERROR = "error";

    public Migration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(oldFlavorId, "oldFlavorId");
        Objects.requireNonNull(newFlavorId, "newFlavorId");
    }

    public Migration withStatus(String newStatus, Instant now) {
        return new Migration(id, uuid, serverId, projectId, userId, type, newStatus, oldFlavorId, newFlavorId,
                oldVmState, created, now);
    }
}
