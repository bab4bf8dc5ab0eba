package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nova's {@code parameter_types.metadata} ({@code nova/api/validation/parameter_types.py}): an object whose keys match
 * {@code ^[a-zA-Z0-9-_:. ]{1,255}$} and whose values are strings of at most 255 characters; a server create's
 * {@code metadata} and the bodies of {@code /servers/{id}/metadata}. Refusals in jsonschema's words, the first
 * in the order its validator meets them (Nova raises the first error): the values of matching keys, then the keys
 * no pattern matches, then the number of items.
 */
final class MetadataSchema {
    static final String KEY_PATTERN = "^[a-zA-Z0-9-_:. ]{1,255}$";
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9\\-_:. ]{1,255}");
    private static final int MAX_VALUE_LENGTH = 255;

    private MetadataSchema() {
    }

    /**
     * The items of {@code metadata}, checked.
     *
     * @param field         the body's name for it ({@code metadata}, {@code meta})
     * @param minProperties the fewest items allowed (0 when any number is)
     * @param maxProperties the most items allowed ({@link Integer#MAX_VALUE} when any number is)
     */
    static Map<String, String> items(JsonNode metadata, String field, int minProperties, int maxProperties) {
        Schema.object(metadata, field);
        Map<String, String> items = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> item = fields.next();
            if (!KEY.matcher(item.getKey()).matches()) {
                unmatched.add(item.getKey());
                continue;
            }
            JsonNode value = item.getValue();
            if (!value.isTextual()) {
                throw Schema.fail(item.getKey(), value, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(value),
                        "'string'"));
            }
            if (value.textValue().codePointCount(0, value.textValue().length()) > MAX_VALUE_LENGTH) {
                throw Schema.fail(item.getKey(), value, Refusal.Reason.TOO_LONG.text(Schema.repr(value)));
            }
            items.put(item.getKey(), value.textValue());
        }
        if (!unmatched.isEmpty()) {
            unmatched.sort(null);
            List<String> quoted = unmatched.stream().map(key -> Schema.repr(TextNode.valueOf(key))).toList();
            throw Schema.fail(field, metadata, Refusal.Reason.NO_PATTERN_MATCHES.text(String.join(", ", quoted),
                    unmatched.size() == 1 ? "does" : "do", "'" + KEY_PATTERN + "'"));
        }
        if (metadata.size() < minProperties) {
            throw Schema.fail(field, metadata, Refusal.Reason.TOO_FEW_PROPERTIES.text(Schema.repr(metadata)));
        }
        if (metadata.size() > maxProperties) {
            throw Schema.fail(field, metadata, Refusal.Reason.TOO_MANY_PROPERTIES.text(Schema.repr(metadata)));
        }
        return items;
    }
}
