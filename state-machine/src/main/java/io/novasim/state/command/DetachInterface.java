package io.novasim.state.command;

import java.util.Objects;

/** {@code DELETE /servers/{id}/os-interface/{port_id}}: accepted at once, completed later. */
public record DetachInterface(String serverId, String portId) implements Command {
    public DetachInterface {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(portId, "portId");
    }
}
