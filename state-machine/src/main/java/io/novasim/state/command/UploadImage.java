package io.novasim.state.command;

import io.novasim.model.image.ImageData;

import java.util.Objects;

/** {@code PUT /image/v2/images/{id}/file}: a queued image's data, stored at once; the image becomes active. */
public record UploadImage(String imageId, ImageData data) implements Command {
    public UploadImage {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String serverId() {
        return null;
    }
}
