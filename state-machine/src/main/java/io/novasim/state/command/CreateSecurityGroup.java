package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code POST /v2.0/security-groups}: a group with Neutron's two egress rules. */
public record CreateSecurityGroup(String name, String description) implements Command {
    public CreateSecurityGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String serverId() {
        return null;
    }
}
