package io.novasim.model.volume;

import java.time.Instant;
import java.util.Objects;

/** A Cinder volume. Its status follows its attachments (see the engine); a multiattach volume may have several. */
public record Volume(String id, String name, String projectId, int sizeGb, VolumeStatus status, boolean multiattach,
                     boolean bootable, String availabilityZone, Instant created, Instant updated) {
    public Volume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        if (sizeGb < 1) {
            throw new IllegalArgumentException("a volume has at least 1 GiB: " + sizeGb);
        }
    }

    public Volume withStatus(VolumeStatus newStatus, Instant now) {
        return newStatus == status ? this
                : new Volume(id, name, projectId, sizeGb, newStatus, multiattach, bootable, availabilityZone, created,
                now);
    }
}
