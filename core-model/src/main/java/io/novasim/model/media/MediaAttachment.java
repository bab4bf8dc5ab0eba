package io.novasim.model.media;

import java.time.Instant;
import java.util.Objects;

/** An image mounted as virtual media on a bare-metal server (NTT Enterprise Cloud's {@code media-attach}). */
public record MediaAttachment(String serverId, String imageId, MediaStatus status, Instant created) {
    public MediaAttachment {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }

    public MediaAttachment withStatus(MediaStatus newStatus) {
        return new MediaAttachment(serverId, imageId, newStatus, created);
    }
}
