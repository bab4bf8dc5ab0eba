package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code DELETE /v2.0/security-groups/{id}}. */
public record DeleteSecurityGroup(String groupId) implements Command {
    public DeleteSecurityGroup {
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
