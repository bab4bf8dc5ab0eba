package io.novasim.model.volume;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Cinder volume. Its status follows its attachments (see the engine); a multiattach volume may have several.
 *
 * @param userId         the user who created it
 * @param description    its description, or {@code null}
 * @param metadata       its metadata, sorted by key
 * @param volumeType     the name of its volume type ({@link #DEFAULT_TYPE} when the create named none)
 * @param sourceVolumeId the volume it was cloned from, or {@code null}
 */
public record CinderVolume(String id, String name, String projectId, String userId, int sizeGb, VolumeStatus status,
                     boolean multiattach, boolean bootable, String availabilityZone, String description,
                     Map<String, String> metadata, String volumeType, String sourceVolumeId, Instant created,
                     Instant updated) {
    /** Cinder's default volume type, which a volume gets when its create names none. */
    public static final String DEFAULT_TYPE = "__DEFAULT__";

    public CinderVolume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(volumeType, "volumeType");
        if (sizeGb < 1) {
            throw new IllegalArgumentException("a volume has at least 1 GiB: " + sizeGb);
        }
        // Sorted, so that rendered bodies do not depend on a hash order.
        metadata = metadata.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    }

    public CinderVolume withStatus(VolumeStatus newStatus, Instant now) {
        return newStatus == status ? this
                : new CinderVolume(id, name, projectId, userId, sizeGb, newStatus, multiattach, bootable, availabilityZone,
                description, metadata, volumeType, sourceVolumeId, created, now);
    }
}
