package io.novasim.state.command;

import java.util.Objects;

/** {@code PUT /servers/{id}} with a new name: no state check, no instance action, as in Nova. */
public record RenameServer(String serverId, String name) implements Command {
    public RenameServer {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(name, "name");
    }
}
