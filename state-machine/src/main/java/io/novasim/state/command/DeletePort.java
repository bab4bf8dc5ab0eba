package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code DELETE /v2.0/ports/{id}}. */
public record DeletePort(String portId) implements Command {
    public DeletePort {
        Objects.requireNonNull(portId, "portId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
