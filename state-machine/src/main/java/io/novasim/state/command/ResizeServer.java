package io.novasim.state.command;

import java.util.Objects;

/** The {@code resize} action: the server moves to another flavor, to be confirmed or reverted. */
public record ResizeServer(String serverId, String flavorId) implements Command {
    public ResizeServer {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(flavorId, "flavorId");
    }
}
