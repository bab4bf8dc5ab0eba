package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code DELETE /v2.0/networks/{id}}, with its subnets. */
public record DeleteNetwork(String networkId) implements Command {
    public DeleteNetwork {
        Objects.requireNonNull(networkId, "networkId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
