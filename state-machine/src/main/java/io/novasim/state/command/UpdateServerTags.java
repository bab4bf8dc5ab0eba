package io.novasim.state.command;

import java.util.List;
import java.util.Objects;

/**
 * A change to a server's tags through {@code /servers/{id}/tags} (2.26): one added or removed, all replaced or all
 * removed. Nova refuses it outside vm_states active, paused, suspended and stopped (not the lock, not a task), refuses
 * an invalid tag or a 51st one with a 400 and a missing one with a 404, and makes no instance action.
 *
 * @param tags the tag added or removed (one), or all of them for {@link Change#REPLACE} (none for
 *             {@link Change#CLEAR})
 */
public record UpdateServerTags(String serverId, Change change, List<String> tags) implements Command {
    /** What the request does, and the words Nova's 409 uses for it. */
    public enum Change {
        ADD("update tag"), REMOVE("delete tag"), REPLACE("update tags"), CLEAR("delete tags");

        private final String action;

        Change(String action) {
            this.action = action;
        }

        /** The action as Nova's "Cannot '...' instance" names it. */
        public String action() {
            return action;
        }
    }

    public UpdateServerTags {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(change, "change");
        tags = List.copyOf(tags);
        if ((change == Change.ADD || change == Change.REMOVE) && tags.size() != 1) {
            throw new IllegalArgumentException(change + " takes one tag: " + tags);
        }
    }

    /** One tag added. */
    public static UpdateServerTags add(String serverId, String tag) {
        return new UpdateServerTags(serverId, Change.ADD, List.of(tag));
    }

    /** One tag removed. */
    public static UpdateServerTags remove(String serverId, String tag) {
        return new UpdateServerTags(serverId, Change.REMOVE, List.of(tag));
    }
}
