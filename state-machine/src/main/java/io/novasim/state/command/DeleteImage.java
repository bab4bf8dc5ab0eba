package io.novasim.state.command;

import java.util.Objects;

/** Glance's {@code DELETE /v2/images/{id}} of an image Nova made of a server. */
public record DeleteImage(String imageId) implements Command {
    public DeleteImage {
        Objects.requireNonNull(imageId, "imageId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
