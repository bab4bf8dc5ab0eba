package io.novasim.state;

import io.novasim.model.catalog.Image;
import io.novasim.model.error.Refusal;
import io.novasim.model.image.GlanceImage;
import io.novasim.model.image.ImageData;
import io.novasim.state.command.CreateImage;
import io.novasim.state.command.UploadImage;
import io.novasim.model.server.Server;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images users and Nova add to Glance, as Glance keeps them: a user's record, queued until its data is uploaded;
 * a server's snapshot ({@code createImage}), queued until the snapshot uploads. The setup's images are the catalog's
 * and never change.
 */
final class Images {
    private final World world;

    Images(World world) {
        this.world = world;
    }

    /** A new queued image of {@code server}, with Nova's properties (compute/utils.py create_image). */
    GlanceImage reserve(Caller caller, Server server, String name, Map<String, String> metadata, Instant now) {
        return reserve(caller, server, name, "snapshot", metadata, now);
    }

    /** @param imageType {@code snapshot}, or {@code backup} (with the backup_type among the metadata) */
    GlanceImage reserve(Caller caller, Server server, String name, String imageType, Map<String, String> metadata,
                        Instant now) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("instance_uuid", server.id());
        properties.put("user_id", caller.userId());
        properties.put("image_type", imageType);
        properties.put("base_image_ref", server.imageId() == null ? "" : server.imageId());
        boolean othersServer = !caller.projectId().equals(server.projectId());
        if (othersServer) {
            properties.put("instance_owner", server.projectId());
        }
        properties.putAll(metadata);
        Image base = server.imageId() == null ? null : world.catalog.image(server.imageId()).orElse(null);
        GlanceImage image = new GlanceImage(world.ids.uuid(), name, caller.projectId(),
                othersServer ? "shared" : "private", GlanceImage.QUEUED, properties, null, null, null,
                base == null ? 0 : base.minDiskGb(), base == null ? 0 : base.minRamMb(), now, now);
        world.images.put(image.id(), image);
        return image;
    }

    /** The upload began: Glance shows the image saving. */
    void saving(String imageId, Instant at) {
        GlanceImage image = world.images.get(imageId);
        if (image != null) {
            world.images.put(imageId, image.saving(at));
        }
    }

    /** The snapshot's upload finished: active, in the base image's size (the simulator has no data of its own). */
    void uploaded(String imageId, String serverImageId, Instant at) {
        GlanceImage image = world.images.get(imageId);
        if (image == null) {
            return; // deleted while it uploaded: Nova logs it and goes on
        }
        Image base = serverImageId == null ? null : world.catalog.image(serverImageId).orElse(null);
        world.images.put(imageId, image.stored("qcow2", "bare",
                ImageData.standIn(imageId, base == null ? 0 : base.sizeBytes()), at));
    }

    /**
     * A user's image record, queued, owned by the caller's project, in Glance's order of checks: the visibility's
     * policy, then the id.
     */
    Receipt create(Caller caller, CreateImage command, String requestId, Instant now) {
        if (command.visibility().equals("public") && !caller.admin()) {
            throw Refusal.GLANCE_POLICY.exception("publicize_image");
        }
        String id = command.imageId() == null ? world.ids.uuid() : command.imageId();
        if (world.images.containsKey(id) || world.catalog.image(id).isPresent()) {
            throw Refusal.GLANCE_DUPLICATE_ID.exception(id);
        }
        GlanceImage image = new GlanceImage(id, command.name(), caller.projectId(), command.visibility(),
                GlanceImage.QUEUED, command.properties(), command.diskFormat(), command.containerFormat(), null,
                command.minDiskGb(), command.minRamMb(), now, now);
        world.images.put(id, image);
        return Receipt.of(requestId, null, image);
    }

    /**
     * Stores a queued image's data (image_data.py upload): the owner's (or an admin's) image, with both formats set;
     * the image is active at once.
     */
    Receipt upload(Caller caller, UploadImage command, String requestId, Instant now) {
        GlanceImage image = world.images.get(command.imageId());
        if (image == null || !image.visibleTo(caller.projectId(), caller.admin())) {
            throw Refusal.GLANCE_IMAGE_NOT_FOUND.exception(command.imageId());
        }
        if (!caller.admin() && !image.ownerProjectId().equals(caller.projectId())) {
            throw Refusal.GLANCE_UPLOAD_FORBIDDEN.exception(image.id());
        }
        if (!image.status().equals(GlanceImage.QUEUED)) {
            throw Refusal.GLANCE_STATUS_TRANSITION.exception(image.status(), GlanceImage.SAVING);
        }
        List<String> missing = new ArrayList<>();
        if (image.diskFormat() == null) {
            missing.add("disk_format");
        }
        if (image.containerFormat() == null) {
            missing.add("container_format");
        }
        if (missing.size() == 1) {
            throw Refusal.GLANCE_FORMAT_MISSING.exception(missing.get(0));
        }
        if (missing.size() == 2) {
            throw Refusal.GLANCE_FORMATS_MISSING.exception(String.join(", ", missing));
        }
        GlanceImage stored = image.stored(image.diskFormat(), image.containerFormat(), command.data(), now);
        world.images.put(image.id(), stored);
        return Receipt.of(requestId, null, stored);
    }

    /**
     * The status of the image the caller would get from Glance by that id: the setup's, or one users or Nova added
     * that it may see; empty when Glance would answer 404 (as Nova asks it when it boots or rebuilds a server).
     */
    java.util.Optional<String> statusSeenBy(Caller caller, String imageId) {
        java.util.Optional<Image> setup = world.catalog.image(imageId);
        if (setup.isPresent()) {
            return setup.map(Image::status);
        }
        GlanceImage image = world.images.get(imageId);
        return image != null && image.visibleTo(caller.projectId(), caller.admin())
                ? java.util.Optional.of(image.status()) : java.util.Optional.empty();
    }

    /** A snapshot that failed or was cut short leaves no image that is not active (delete_image_on_error). */
    void abandon(String imageId) {
        GlanceImage image = world.images.get(imageId);
        if (image != null && !image.active()) {
            world.images.remove(imageId);
        }
    }

    /** Deletes the oldest of the server's backups of that type beyond {@code rotation} (the manager's rotation). */
    void rotate(String serverId, String backupType, int rotation) {
        List<String> backups = new ArrayList<>();
        for (GlanceImage image : world.images.values()) {
            if ("backup".equals(image.properties().get("image_type"))
                    && backupType.equals(image.properties().get("backup_type"))
                    && serverId.equals(image.properties().get("instance_uuid"))) {
                backups.add(image.id()); // oldest first
            }
        }
        for (int i = 0; i < backups.size() - rotation; i++) {
            world.images.remove(backups.get(i));
        }
    }

    Receipt delete(Caller caller, String imageId, String requestId) {
        GlanceImage image = world.images.get(imageId);
        if (image != null && image.visibleTo(caller.projectId(), caller.admin()) && !caller.canSee(
                image.ownerProjectId())) {
            throw Refusal.GLANCE_DELETE_FORBIDDEN.exception();
        }
        if (image == null || !caller.canSee(image.ownerProjectId())) {
            if (world.catalog.image(imageId).isPresent()) {
                throw (caller.admin() ? Refusal.GLANCE_SETUP_IMAGE : Refusal.GLANCE_DELETE_FORBIDDEN).exception();
            }
            throw Refusal.GLANCE_IMAGE_NOT_FOUND.exception(imageId);
        }
        world.images.remove(imageId);
        return new Receipt(requestId, null, null, null, null, null, List.of(), null, null, false);
    }

    /** The images in Glance the caller may see, oldest first. */
    List<GlanceImage> visible(Caller caller) {
        List<GlanceImage> visible = new ArrayList<>();
        for (GlanceImage image : world.images.values()) {
            if (image.visibleTo(caller.projectId(), caller.admin())) {
                visible.add(image);
            }
        }
        return visible;
    }

    List<GlanceImage> all() {
        return List.copyOf(world.images.values());
    }
}
