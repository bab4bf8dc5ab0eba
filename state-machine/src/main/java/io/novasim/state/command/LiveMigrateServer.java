package io.novasim.state.command;

import java.util.Objects;

/** The {@code os-migrateLive} action (admins): the running server moves to another host without stopping. */
public record LiveMigrateServer(String serverId, String host) implements Command {
    /** @param host the host asked for, or {@code null} for the scheduler to choose */
    public LiveMigrateServer {
        Objects.requireNonNull(serverId, "serverId");
    }
}
