package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code PUT /servers/{id}}: a new name, description or hostname, each only when given, applied together. No state
 * check and no instance action, as in Nova; a rename keeps the server's hostname.
 *
 * @param name             the new name, or {@code null} to keep it
 * @param description      the new description, {@code null} removing it, when {@code descriptionGiven}
 * @param descriptionGiven whether the update sets the description (Nova tells a {@code null} from an absent one)
 * @param hostname         the new hostname (microversion 2.90), or {@code null} to keep it
 */
public record UpdateServer(String serverId, String name, String description, boolean descriptionGiven,
                           String hostname) implements Command {
    public UpdateServer {
        Objects.requireNonNull(serverId, "serverId");
    }

    /** A new name, and nothing else. */
    public static UpdateServer rename(String serverId, String name) {
        return new UpdateServer(serverId, name, null, false, null);
    }

    /** Whether the update leaves the server as it is. */
    public boolean changesNothing() {
        return name == null && !descriptionGiven && hostname == null;
    }
}
