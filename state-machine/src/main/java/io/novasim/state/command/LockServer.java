package io.novasim.state.command;

import java.util.Objects;

/** Lock a server with a reason (microversion 2.73); {@code reason} may be {@code null}. */
public record LockServer(String serverId, String reason) implements Command {
    public LockServer {
        Objects.requireNonNull(serverId, "serverId");
    }
}
