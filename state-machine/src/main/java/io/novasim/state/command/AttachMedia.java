package io.novasim.state.command;

import java.util.Objects;

/** Bare-metal {@code {"media-attach": {"imageRef": ...}}}: mount an image as virtual media. */
public record AttachMedia(String serverId, String imageId) implements Command {
    public AttachMedia {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(imageId, "imageId");
    }
}
