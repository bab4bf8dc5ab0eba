package io.novasim.state.command;

import java.util.List;
import java.util.Objects;

/**
 * Neutron's {@code POST /v2.0/ports}: a user's port on a network, with a fixed IP if given.
 *
 * @param description      {@code null} for none
 * @param securityGroupIds the groups the port is to be in, or {@code null} for its project's {@code default}
 */
public record CreatePort(String networkId, String name, String fixedIp, String description,
                         List<String> securityGroupIds) implements Command {
    public CreatePort {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
        securityGroupIds = securityGroupIds == null ? null : List.copyOf(securityGroupIds);
    }

    /** A port with the defaults: no description, the project's default group. */
    public CreatePort(String networkId, String name, String fixedIp) {
        this(networkId, name, fixedIp, null, null);
    }

    @Override
    public String serverId() {
        return null;
    }
}
