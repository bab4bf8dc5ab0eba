package io.novasim.state.command;

import java.util.Objects;

/** {@code DELETE /servers/{id}/os-volume_attachments/{volume_id}}: accepted at once, completed later. */
public record DetachVolume(String serverId, String volumeId, int microversion) implements Command {
    public DetachVolume {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(volumeId, "volumeId");
    }

    public static DetachVolume of(String serverId, String volumeId) {
        return new DetachVolume(serverId, volumeId, 1);
    }
}
