package io.novasim.http.image;

import io.novasim.http.support.Json;
import io.novasim.model.catalog.Image;
import io.novasim.model.image.ServerImage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
        view.put("checksum", hash("MD5", image.id()));
        view.put("os_hash_algo", "sha512");
        view.put("os_hash_value", hash("SHA-512", image.id()));
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
     * An image Nova made of a server: its properties are attributes of their own, as Glance v2 shows extra
     * properties; the hashes and size appear once the upload made it active.
     */
    static Map<String, Object> image(ServerImage image) {
        Map<String, Object> view = Json.object();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status());
        view.put("visibility", image.visibility());
        view.put("protected", false);
        view.put("os_hidden", false);
        view.put("checksum", image.active() ? hash("MD5", image.id()) : null);
        view.put("os_hash_algo", image.active() ? "sha512" : null);
        view.put("os_hash_value", image.active() ? hash("SHA-512", image.id()) : null);
        view.put("container_format", image.containerFormat());
        view.put("disk_format", image.diskFormat());
        view.put("size", image.sizeBytes());
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

    private static String hash(String algorithm, String id) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm)
                    .digest(("novasim-image:" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
