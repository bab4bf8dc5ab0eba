package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Call;
import io.novasim.model.error.Refusal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A Neutron request body read as Neutron's API layer reads it: one resource object, its attributes known. */
final class NeutronBody {
    private NeutronBody() {
    }

    /**
     * The body's {@code resource} object ({@code {"network": {...}}}), refused in Neutron's words when there is no
     * body, no such object, or an attribute outside {@code known}.
     */
    static JsonNode resource(Call call, String resource, Set<String> known) {
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            throw new NeutronError(Refusal.RESOURCE_BODY_REQUIRED);
        }
        JsonNode object = body.get(resource);
        if (object == null || !object.isObject()) {
            throw new NeutronError(Refusal.RESOURCE_NOT_IN_BODY, resource);
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new NeutronError(Refusal.UNRECOGNIZED_ATTRIBUTES, String.join(", ", unknown));
        }
        return object;
    }

    /** A string attribute, or {@code otherwise} when absent or null. */
    static String text(JsonNode object, String key, String otherwise) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw new NeutronError(Refusal.ATTRIBUTE_NOT_A_STRING, key, value);
        }
        return value.textValue();
    }
}
