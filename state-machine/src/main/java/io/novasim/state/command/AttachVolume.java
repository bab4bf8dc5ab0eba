package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code POST /servers/{id}/os-volume_attachments}. {@code microversion} is the minor number of the request's compute
 * microversion (2.X), which decides shelved attach (2.20) and multiattach (2.60). The requested device name is
 * ignored, as libvirt ignores it: the next free name is reserved.
 */
public record AttachVolume(String serverId, String volumeId, String device, String tag, boolean deleteOnTermination,
                           int microversion) implements Command {
    public AttachVolume {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(volumeId, "volumeId");
    }

    public static AttachVolume of(String serverId, String volumeId) {
        return new AttachVolume(serverId, volumeId, null, null, false, 1);
    }
}
