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
 * @param sourceHost  the host it leaves
 * @param destHost    the host it goes to, or {@code null} until the scheduler chose one
 */
public record Migration(int id, String uuid, String serverId, String projectId, String userId, String type,
                        String status, String oldFlavorId, String newFlavorId, VmState oldVmState, String sourceHost,
                        String destHost, Instant created, Instant updated) {
    public static final String PRE_MIGRATING = "pre-migrating";
    public static final String MIGRATING = "migrating";
    public static final String POST_MIGRATING = "post-migrating";
    public static final String FINISHED = "finished";
    public static final String CONFIRMING = "confirming";
    public static final String CONFIRMED = "confirmed";
    public static final String REVERTING = "reverting";
    public static final String REVERTED = "reverted";
    public static final String ERROR = "error";
    /** An evacuation's first and last statuses. */
    public static final String ACCEPTED = "accepted";
    public static final String DONE = "done";
    /** A live migration's statuses after accepted. */
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";

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
                oldVmState, sourceHost, destHost, created, now);
    }

    public Migration withDestHost(String host, Instant now) {
        return new Migration(id, uuid, serverId, projectId, userId, type, status, oldFlavorId, newFlavorId,
                oldVmState, sourceHost, host, created, now);
    }
}
