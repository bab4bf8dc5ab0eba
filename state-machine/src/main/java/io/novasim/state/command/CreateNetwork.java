package io.novasim.state.command;

import java.util.Objects;

/**
 * Neutron's {@code POST /v2.0/networks}.
 *
 * @param projectId the owner, or {@code null} for the caller's project (only an admin may name another)
 * @param shared    whether every project may use it (only an admin may share)
 * @param external  {@code router:external} (only an admin may set it)
 */
public record CreateNetwork(String name, String projectId, boolean shared, boolean external, int mtu)
        implements Command {
    public CreateNetwork {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String serverId() {
        return null;
    }
}
