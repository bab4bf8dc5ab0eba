package io.novasim.model.image;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An image Nova made of a server ({@code createImage}): created {@code queued} in the asking project, {@code saving}
 * while its data uploads, then {@code active} with the formats and size of the upload.
 *
 * @param visibility      {@code private}, or {@code shared} when an admin of another project made it
 * @param properties      Nova's properties ({@code image_type}, {@code instance_uuid}, {@code user_id},
 *                        {@code base_image_ref}) and the request's metadata: Glance shows each as an attribute
 * @param diskFormat      {@code null} until the upload sets it
 * @param containerFormat {@code null} until the upload sets it
 * @param sizeBytes       {@code null} until the upload sets it
 */
public record ServerImage(String id, String name, String ownerProjectId, String visibility, String status,
                          Map<String, String> properties, String diskFormat, String containerFormat, Long sizeBytes,
                          int minDiskGb, int minRamMb, Instant created, Instant updated) {
    public static final String QUEUED = "queued";
    public static final String SAVING = "saving";
    public static final String ACTIVE = "active";

    public ServerImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerProjectId, "ownerProjectId");
        Objects.requireNonNull(status, "status");
        // sorted, so a rendered image is the same from one run to the next
        properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
    }

    public boolean active() {
        return status.equals(ACTIVE);
    }

    /** Its data is uploading. */
    public ServerImage saving(Instant now) {
        return new ServerImage(id, name, ownerProjectId, visibility, SAVING, properties, diskFormat, containerFormat,
                sizeBytes, minDiskGb, minRamMb, created, now);
    }

    /** Uploaded: active with these formats and size. */
    public ServerImage uploaded(String disk, String container, long size, Instant now) {
        return new ServerImage(id, name, ownerProjectId, visibility, ACTIVE, properties, disk, container, size,
                minDiskGb, minRamMb, created, now);
    }
}
