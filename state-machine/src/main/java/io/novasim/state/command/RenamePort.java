package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code PUT /v2.0/ports/{id}} of a port's name, the one attribute of a port an update may change here. */
public record RenamePort(String portId, String name) implements Command {
    public RenamePort {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String serverId() {
        return null;
    }
}
