package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code POST /v2.0/ports}: a user's port on a network, with a fixed IP if given. */
public record CreatePort(String networkId, String name, String fixedIp) implements Command {
    public CreatePort {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String serverId() {
        return null;
    }
}
