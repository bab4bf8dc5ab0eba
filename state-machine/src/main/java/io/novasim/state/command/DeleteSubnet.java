package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code DELETE /v2.0/subnets/{id}}. */
public record DeleteSubnet(String subnetId) implements Command {
    public DeleteSubnet {
        Objects.requireNonNull(subnetId, "subnetId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
