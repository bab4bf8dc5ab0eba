package io.novasim.http.image;

import io.novasim.http.support.Json;
import io.novasim.model.catalog.Image;
import io.novasim.model.image.GlanceImage;
import io.novasim.model.image.ImageData;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Catalog images in Glance's v2 shape. They are public, exist from the simulation's start and have no data, so their
 * hashes are derived from the id: stable across calls and runs, and never mistaken for a real image's.
 */
final class ImageViews {
    private ImageViews() {
    }

    static Map<String, Object> image(Image image, String owner, Instant created) {
        Map<String, Object> view = Json.object();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status());
        view.put("visibility", "public");
        view.put("protected", false);
        view.put("os_hidden", false);
        ImageData data = ImageData.standIn(image.id(), image.sizeBytes());
        view.put("checksum", data.checksum());
        view.put("os_hash_algo", "sha512");
        view.put("os_hash_value", data.sha512());
        view.put("container_format", image.containerFormat());
        view.put("disk_format", image.diskFormat());
        view.put("size", image.sizeBytes());
        view.put("virtual_size", null);
        view.put("min_disk", image.minDiskGb());
        view.put("min_ram", image.minRamMb());
        view.put("owner", owner);
        view.put("tags", List.of());
        view.put("created_at", Json.time(created));
        view.put("updated_at", Json.time(created));
        view.put("self", "/v2/images/" + image.id());
        view.put("file", "/v2/images/" + image.id() + "/file");
        view.put("schema", "/v2/schemas/image");
        return view;
    }

    /**
     * An image users or Nova added: its properties are attributes of their own, as Glance v2 shows extra
     * properties; the hashes and size appear once its data is stored.
     */
    static Map<String, Object> image(GlanceImage image) {
        ImageData data = image.data();
        Map<String, Object> view = Json.object();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status());
        view.put("visibility", image.visibility());
        view.put("protected", false);
        view.put("os_hidden", false);
        view.put("checksum", data == null ? null : data.checksum());
        view.put("os_hash_algo", data == null ? null : "sha512");
        view.put("os_hash_value", data == null ? null : data.sha512());
        view.put("container_format", image.containerFormat());
        view.put("disk_format", image.diskFormat());
        view.put("size", data == null ? null : data.sizeBytes());
        view.put("virtual_size", null);
        view.put("min_disk", image.minDiskGb());
        view.put("min_ram", image.minRamMb());
        view.put("owner", image.ownerProjectId());
        view.put("tags", List.of());
        view.put("created_at", Json.time(image.created()));
        view.put("updated_at", Json.time(image.updated()));
        image.properties().forEach(view::putIfAbsent);
        view.put("self", "/v2/images/" + image.id());
        view.put("file", "/v2/images/" + image.id() + "/file");
        view.put("schema", "/v2/schemas/image");
        return view;
    }
}
