package io.novasim.http.volume;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateVolume;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /volumes}, read as Cinder's v3 schema allows: unknown keys are tolerated and every optional
 * field may be null (the SDK and OSC send nulls for what the user left out). A source volume is cloned by size and
 * bootability; snapshots, backups and consistency groups do not exist, so naming one is their 404.
 */
final class VolumeRequest {
    private VolumeRequest() {
    }

    /** The create the body asks for; {@code cloud} answers for a source volume and an image. */
    static CreateVolume parse(JsonNode body, Cloud cloud, Caller caller) {
        if (body == null || !body.isObject() || !body.path("volume").isObject()) {
            throw Refusal.VOLUME_BODY_MISSING.exception();
        }
        JsonNode volume = body.get("volume");
        String name = firstText(volume, "name", "display_name", 255);
        String description = firstText(volume, "description", "display_description", 255);
        String volumeType = text(volume, "volume_type", 255);
        String zone = text(volume, "availability_zone", 255);
        if (zone != null && !zone.equals("nova")) {
            throw Refusal.AVAILABILITY_ZONE_INVALID.exception(zone);
        }
        absent(volume, "snapshot_id", Refusal.SNAPSHOT_NOT_FOUND);
        absent(volume, "backup_id", Refusal.BACKUP_NOT_FOUND);
        absent(volume, "consistencygroup_id", Refusal.CONSISTENCY_GROUP_NOT_FOUND);
        Integer size = volume.hasNonNull("size") ? Schema.integer(volume, "size", 1) : null;
        boolean bootable = false;
        String sourceId = text(volume, "source_volid", 255);
        if (sourceId != null) {
            CinderVolume source = cloud.volume(caller, sourceId);
            if (size != null && size < source.sizeGb()) {
                throw Refusal.VOLUME_SMALLER_THAN_SOURCE.exception(size, source.sizeGb());
            }
            size = size == null ? source.sizeGb() : size;
            bootable = source.bootable();
        }
        String imageId = firstText(volume, "imageRef", "image_id", 255);
        if (imageId != null) {
            if (cloud.catalog().image(imageId).isEmpty()) {
                throw Refusal.VOLUME_IMAGE_INVALID.exception();
            }
            bootable = true;
        }
        Boolean multiattach = volume.hasNonNull("multiattach") ? Schema.bool(volume, "multiattach") : null;
        // The engine refuses a size below 1 with Cinder's own message, so a missing size goes through as 0.
        return new CreateVolume(name == null ? "" : name, size == null ? 0 : size, Boolean.TRUE.equals(multiattach),
                bootable, description, metadata(volume.get("metadata")), volumeType, sourceId);
    }

    private static String firstText(JsonNode object, String key, String legacyKey, int maxLength) {
        String value = text(object, key, maxLength);
        return value != null ? value : text(object, legacyKey, maxLength);
    }

    private static String text(JsonNode object, String key, int maxLength) {
        return Schema.string(object, key, true, 0, maxLength);
    }

    /** A source the simulator has none of: any id given is {@code notFound}. */
    private static void absent(JsonNode volume, String key, Refusal notFound) {
        String id = text(volume, key, 255);
        if (id != null) {
            throw notFound.exception(id);
        }
    }

    private static Map<String, String> metadata(JsonNode metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        if (metadata == null || metadata.isNull()) {
            return values;
        }
        Schema.object(metadata, "metadata");
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw Schema.fail("metadata", metadata,
                        Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(field.getValue()), "'string'"));
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return values;
    }
}
