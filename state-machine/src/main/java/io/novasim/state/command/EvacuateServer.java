package io.novasim.state.command;

import java.util.Objects;

/**
 * The {@code evacuate} action (admins): the server is rebuilt on another host because its own is down.
 *
 * @param host      the host asked for, or {@code null} for the scheduler to choose
 * @param adminPass the password asked for, or {@code null} to have one made
 */
public record EvacuateServer(String serverId, String host, String adminPass) implements Command {
    public EvacuateServer {
        Objects.requireNonNull(serverId, "serverId");
    }
}
