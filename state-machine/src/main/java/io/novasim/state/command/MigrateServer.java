package io.novasim.state.command;

import java.util.Objects;

/** The {@code migrate} action (admins): a cold migration to another host, keeping the flavor. */
public record MigrateServer(String serverId, String host) implements Command {
    /** @param host the host asked for (2.56), or {@code null} for the scheduler to choose */
    public MigrateServer {
        Objects.requireNonNull(serverId, "serverId");
    }
}
