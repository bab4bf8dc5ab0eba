package io.novasim.http.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Json;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.image.ImageData;
import io.novasim.state.command.CreateImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Glance's image requests as Glance's deserializer and image schema do ({@code glance/api/v2/images.py}): the
 * attributes a create may set, Glance's formats, and the rest as string properties; an upload's data, digested as it
 * streams in. A schema refusal gives jsonschema's first line as its reason.
 */
final class ImageRequest {
    static final List<String> DISK_FORMATS = List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2",
            "vdi", "iso", "ploop");
    static final List<String> CONTAINER_FORMATS = List.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker",
            "compressed");
    private static final List<String> VISIBILITIES = List.of("community", "public", "private", "shared");
    /** Attributes a request may not name at all ({@code _disallowed_properties}), in the order Glance checks them. */
    private static final List<String> DISALLOWED = List.of("direct_url", "self", "file", "schema", "stores");
    /** Attributes Glance sets itself ({@code _readonly_properties}, less the disallowed). */
    private static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "size",
            "virtual_size", "os_hash_algo", "os_hash_value");
    private static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    private static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");

    private ImageRequest() {
    }

    /** The JSON body of a create, or Glance's 400. */
    static JsonNode body(String text) {
        if (text.isEmpty()) {
            throw new GlanceError(Refusal.GLANCE_BODY_EXPECTED);
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException malformed) {
            throw new GlanceError(Refusal.GLANCE_MALFORMED_JSON);
        }
    }

    /** A create's body as the command, in Glance's order of checks. */
    static CreateImage create(JsonNode body, String projectId, boolean admin) {
        if (!body.isObject()) {
            throw schema(Schema.repr(body) + " is not of type 'object'");
        }
        for (String key : DISALLOWED) {
            if (body.has(key)) {
                throw new GlanceError(Refusal.GLANCE_READ_ONLY, key);
            }
        }
        String id = nullableString(body, "id", Integer.MAX_VALUE);
        if (id != null && !UUID.matcher(id).matches()) {
            throw schema(Schema.repr(body.get("id")) + " does not match '" + UUID.pattern() + "'");
        }
        String name = nullableString(body, "name", 255);
        String visibility = body.has("visibility") ? oneOf(body, "visibility", VISIBILITIES, false) : "shared";
        String disk = body.has("disk_format") ? oneOf(body, "disk_format", DISK_FORMATS, true) : null;
        String container = body.has("container_format") ? oneOf(body, "container_format", CONTAINER_FORMATS, true)
                : null;
        int minDisk = integer(body, "min_disk");
        int minRam = integer(body, "min_ram");
        for (String flag : List.of("protected", "os_hidden")) {
            JsonNode value = body.get(flag);
            if (value != null && !value.isBoolean()) {
                throw schema(Schema.repr(value) + " is not of type 'boolean'");
            }
            if (value != null && value.booleanValue()) {
                throw new GlanceError(Refusal.GLANCE_ATTRIBUTE_NOT_SIMULATED, flag + " images");
            }
        }
        JsonNode tags = body.get("tags");
        if (tags != null && !(tags.isArray() && tags.isEmpty())) {
            throw new GlanceError(Refusal.GLANCE_ATTRIBUTE_NOT_SIMULATED, "image tags");
        }
        JsonNode owner = body.get("owner");
        if (owner != null && !owner.isNull() && !owner.asText().equals(projectId)) {
            throw new GlanceError(Refusal.GLANCE_ATTRIBUTE_NOT_SIMULATED, "images owned by another project");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (Set.of("id", "name", "visibility", "disk_format", "container_format", "min_disk", "min_ram",
                    "protected", "os_hidden", "tags", "owner").contains(key)) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw schema(Schema.repr(field.getValue()) + " is not of type 'string'");
            }
            if (READ_ONLY.contains(key)) {
                throw new GlanceError(Refusal.GLANCE_READ_ONLY, key);
            }
            if (RESERVED.contains(key) || key.startsWith("os_glance")) {
                throw new GlanceError(Refusal.GLANCE_RESERVED, key);
            }
            properties.put(key, field.getValue().textValue());
        }
        return new CreateImage(id, name, disk, container, visibility, minDisk, minRam, properties);
    }

    /** An upload's data: its size and hashes, digested as it streams in (the simulator keeps no bytes). */
    static ImageData data(InputStream in) {
        ImageData.Digest digest = new ImageData.Digest();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.finish();
    }

    private static String nullableString(JsonNode body, String key, int maxLength) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw schema(Schema.repr(value) + " is not of type 'null', 'string'");
        }
        if (value.textValue().length() > maxLength) {
            throw schema(Schema.repr(value) + " is too long");
        }
        return value.textValue();
    }

    private static String oneOf(JsonNode body, String key, List<String> allowed, boolean nullable) {
        JsonNode value = body.get(key);
        if (nullable && value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            String choices = (nullable ? "None, " : "") + String.join(", ",
                    allowed.stream().map(a -> "'" + a + "'").toList());
            throw schema(Schema.repr(value) + " is not one of [" + choices + "]");
        }
        return value.textValue();
    }

    private static int integer(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw schema(Schema.repr(value) + " is not of type 'integer'");
        }
        if (value.intValue() < 0) {
            throw new GlanceError(Refusal.GLANCE_NEGATIVE, value.intValue(), key);
        }
        return value.intValue();
    }

    private static GlanceError schema(String reason) {
        return new GlanceError(Refusal.GLANCE_SCHEMA, reason);
    }
}
