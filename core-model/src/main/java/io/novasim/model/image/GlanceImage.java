package io.novasim.model.image;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An image users or Nova added to Glance (the setup's images are the catalog's): created {@code queued}, then
 * {@code active} once its data is stored, by an upload, or by a server's snapshot, which shows it {@code saving}
 * while it uploads.
 *
 * @param visibility      {@code private}, {@code shared}, {@code community} or {@code public}
 * @param properties      the image's extra properties (Nova's {@code image_type}, {@code instance_uuid}, ... on a
 *                        snapshot): Glance shows each as an attribute
 * @param diskFormat      {@code null} until set
 * @param containerFormat {@code null} until set
 * @param data            {@code null} until the data is stored
 */
public record GlanceImage(String id, String name, String ownerProjectId, String visibility, String status,
                          Map<String, String> properties, String diskFormat, String containerFormat, ImageData data,
                          int minDiskGb, int minRamMb, Instant created, Instant updated) {
    public static final String QUEUED = "queued";
    public static final String SAVING = "saving";
    public static final String ACTIVE = "active";

    public GlanceImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerProjectId, "ownerProjectId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(status, "status");
        // sorted, so a rendered image is the same from one run to the next
        properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
    }

    public boolean active() {
        return status.equals(ACTIVE);
    }

    /** Its data is uploading. */
    public GlanceImage saving(Instant now) {
        return new GlanceImage(id, name, ownerProjectId, visibility, SAVING, properties, diskFormat, containerFormat,
                data, minDiskGb, minRamMb, created, now);
    }

    /** Stored: active with these formats and data. */
    public GlanceImage stored(String disk, String container, ImageData stored, Instant now) {
        return new GlanceImage(id, name, ownerProjectId, visibility, ACTIVE, properties, disk, container, stored,
                minDiskGb, minRamMb, created, now);
    }

    /**
     * Whether a list shows it to a caller of {@code projectId} when it asks for no visibility: Glance lists others'
     * community images only when asked for them.
     */
    public boolean listedTo(String projectId, boolean admin) {
        return admin || ownerProjectId.equals(projectId) || visibility.equals("public");
    }

    /** Whether a caller of {@code projectId} (an admin, when {@code admin}) may see it: Glance's visibility rules. */
    public boolean visibleTo(String projectId, boolean admin) {
        return admin || ownerProjectId.equals(projectId) || visibility.equals("public")
                || visibility.equals("community");
    }
}
