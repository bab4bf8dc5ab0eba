package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code createBackup} action: a snapshot of the server as an image of type backup, after which the oldest of the
 * server's backups of that {@code backupType} beyond {@code rotation} are deleted.
 *
 * @param metadataQuota whether the metadata counts against the metadata quota (below 2.39)
 */
public record CreateServerBackup(String serverId, String name, String backupType, int rotation,
                                 Map<String, String> metadata, boolean metadataQuota) implements Command {
    public CreateServerBackup {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backupType, "backupType");
        metadata = Map.copyOf(metadata);
        if (rotation < 0) {
            throw new IllegalArgumentException("rotation must be 0 or more, not " + rotation);
        }
    }
}
