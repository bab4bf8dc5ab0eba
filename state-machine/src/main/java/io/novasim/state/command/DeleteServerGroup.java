package io.novasim.state.command;

import java.util.Objects;

/** {@code DELETE /os-server-groups/{id}}. */
public record DeleteServerGroup(String groupId) implements Command {
    public DeleteServerGroup {
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
