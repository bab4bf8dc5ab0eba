package io.novasim.state;

import io.novasim.model.catalog.Image;
import io.novasim.model.error.Refusal;
import io.novasim.model.image.ServerImage;
import io.novasim.model.server.Server;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images Nova makes of servers ({@code createImage}), as Glance keeps them: the asking project's, queued until
 * the snapshot uploads. The setup's images are the catalog's and never change.
 */
final class Images {
    private final World world;

    Images(World world) {
        this.world = world;
    }

    /** A new queued image of {@code server}, with Nova's properties (compute/utils.py create_image). */
    ServerImage reserve(Caller caller, Server server, String name, Map<String, String> metadata, Instant now) {
        return reserve(caller, server, name, "snapshot", metadata, now);
    }

    /** @param imageType {@code snapshot}, or {@code backup} (with the backup_type among the metadata) */
    ServerImage reserve(Caller caller, Server server, String name, String imageType, Map<String, String> metadata,
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
        ServerImage image = new ServerImage(world.ids.uuid(), name, caller.projectId(),
                othersServer ? "shared" : "private", ServerImage.QUEUED, properties, null, null, null,
                base == null ? 0 : base.minDiskGb(), base == null ? 0 : base.minRamMb(), now, now);
        world.images.put(image.id(), image);
        return image;
    }

    /** The upload began: Glance shows the image saving. */
    void saving(String imageId, Instant at) {
        ServerImage image = world.images.get(imageId);
        if (image != null) {
            world.images.put(imageId, image.saving(at));
        }
    }

    /** The upload finished: active, in the base image's formats and size (the simulator has no data of its own). */
    void uploaded(String imageId, String serverImageId, Instant at) {
        ServerImage image = world.images.get(imageId);
        if (image == null) {
            return; // deleted while it uploaded: Nova logs it and goes on
        }
        Image base = serverImageId == null ? null : world.catalog.image(serverImageId).orElse(null);
        world.images.put(imageId, image.uploaded("qcow2", "bare", base == null ? 0 : base.sizeBytes(), at));
    }

    /** A snapshot that failed or was cut short leaves no image that is not active (delete_image_on_error). */
    void abandon(String imageId) {
        ServerImage image = world.images.get(imageId);
        if (image != null && !image.active()) {
            world.images.remove(imageId);
        }
    }

    /** Deletes the oldest of the server's backups of that type beyond {@code rotation} (the manager's rotation). */
    void rotate(String serverId, String backupType, int rotation) {
        List<String> backups = new ArrayList<>();
        for (ServerImage image : world.images.values()) {
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
        ServerImage image = world.images.get(imageId);
        if (image == null || !caller.canSee(image.ownerProjectId())) {
            if (world.catalog.image(imageId).isPresent()) {
                throw (caller.admin() ? Refusal.GLANCE_SETUP_IMAGE : Refusal.GLANCE_DELETE_FORBIDDEN).exception();
            }
            throw Refusal.GLANCE_IMAGE_NOT_FOUND.exception(imageId);
        }
        world.images.remove(imageId);
        return new Receipt(requestId, null, null, null, null, null, List.of(), null, null, false);
    }

    /** The images of servers the caller may see, oldest first. */
    List<ServerImage> visible(Caller caller) {
        List<ServerImage> visible = new ArrayList<>();
        for (ServerImage image : world.images.values()) {
            if (caller.canSee(image.ownerProjectId())) {
                visible.add(image);
            }
        }
        return visible;
    }

    List<ServerImage> all() {
        return List.copyOf(world.images.values());
    }
}
