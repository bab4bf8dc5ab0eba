package io.novasim.state.command;

import java.util.Objects;

/** Bare-metal {@code {"media-detach": {"imageRef": ...}}}: unmount an image. */
public record DetachMedia(String serverId, String imageId) implements Command {
    public DetachMedia {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(imageId, "imageId");
    }
}
