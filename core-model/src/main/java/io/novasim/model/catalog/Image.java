package io.novasim.model.catalog;

import java.util.Objects;

/** A Glance image that servers boot from (and that bare-metal media attach). */
public record Image(String id, String name, String status, int minDiskGb, int minRamMb, long sizeBytes,
                    String diskFormat, String containerFormat) {
    public Image {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public boolean active() {
        return "active".equals(status);
    }
}
