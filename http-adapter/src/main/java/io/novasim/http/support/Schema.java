package io.novasim.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.error.Refusal.Reason;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request-body checks of Nova's JSON schemas, with the messages Nova builds from jsonschema's (nova-semantics.md
 * §1.2): {@link Refusal#INVALID_INPUT} ({@code Invalid input for field/attribute <field>. Value: <python repr>.
 * <reason>}), or {@link Refusal#INVALID_BODY}, the bare reason, when the whole body is wrong ({@code None is not of
 * type 'object'}); the reasons are jsonschema's ({@link Reason}).
 */
public final class Schema {
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

    private Schema() {
    }

    /** The body's single top-level object, e.g. {@code {"server": {...}}}; required and without other keys. */
    public static JsonNode envelope(JsonNode body, String key) {
        object(body, null);
        JsonNode inner = body.get(key);
        if (inner == null) {
            throw bare(Reason.REQUIRED.text(key));
        }
        onlyKeys(body, null, Set.of(key));
        return inner;
    }

    /** {@code value} must be an object; {@code field} null means the whole body. */
    public static void object(JsonNode value, String field) {
        if (value == null || !value.isObject()) {
            throw fail(field, value, Reason.NOT_OF_TYPE.text(repr(value), "'object'"));
        }
    }

    public static void onlyKeys(JsonNode object, String field, Set<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unexpected.add(name);
            }
        }
        if (unexpected.isEmpty()) {
            return;
        }
        String list = String.join(", ", unexpected.stream().map(n -> "'" + n + "'").toList());
        throw fail(field, object, unexpected.size() == 1 ? Reason.ADDITIONAL_PROPERTY.text(list)
                : Reason.ADDITIONAL_PROPERTIES.text(list));
    }

    public static JsonNode required(JsonNode object, String field, String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw fail(field, object, Reason.REQUIRED.text(key));
        }
        return value;
    }

    /** A string field, or null when absent; {@code nullable} lets JSON null through. */
    public static String string(JsonNode object, String key, boolean nullable, int minLength, int maxLength) {
        JsonNode value = object.get(key);
        if (value == null || (nullable && value.isNull())) {
            return null;
        }
        if (!value.isTextual()) {
            throw fail(key, value, Reason.NOT_OF_TYPE.text(repr(value), "'string'"));
        }
        String text = value.textValue();
        if (text.length() < minLength) {
            throw fail(key, value, Reason.TOO_SHORT.text(repr(value)));
        }
        if (text.length() > maxLength) {
            throw fail(key, value, Reason.TOO_LONG.text(repr(value)));
        }
        return text;
    }

    public static String uuid(JsonNode object, String key, boolean nullable) {
        String text = string(object, key, nullable, 0, Integer.MAX_VALUE);
        if (text != null && !UUID.matcher(text).matches()) {
            throw fail(key, object.get(key), Reason.NOT_A_UUID.text(repr(object.get(key))));
        }
        return text;
    }

    public static String ipv4(JsonNode object, String key) {
        String text = string(object, key, false, 0, Integer.MAX_VALUE);
        if (text != null && !IPV4.matcher(text).matches()) {
            throw fail(key, object.get(key), Reason.NOT_AN_IPV4.text(repr(object.get(key))));
        }
        return text;
    }

    public static String pattern(JsonNode object, String key, String regex, int maxLength) {
        String text = string(object, key, false, 0, maxLength);
        if (text != null && !Pattern.compile(regex).matcher(text).find()) {
            throw fail(key, object.get(key), Reason.NO_MATCH.text(repr(object.get(key)), regex));
        }
        return text;
    }

    public static String oneOf(JsonNode object, String key, List<String> allowed) {
        String text = string(object, key, false, 0, Integer.MAX_VALUE);
        if (text != null && !allowed.contains(text)) {
            throw fail(key, object.get(key), Reason.NOT_ONE_OF.text(repr(object.get(key)),
                    allowed.stream().map(a -> "'" + a + "'").toList()));
        }
        return text;
    }

    public static Boolean bool(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().toLowerCase();
            if (Set.of("true", "1", "yes", "on", "y", "t").contains(text)) {
                return true;
            }
            if (Set.of("false", "0", "no", "off", "n", "f").contains(text)) {
                return false;
            }
        }
        throw fail(key, value, Reason.NOT_OF_TYPE.text(repr(value), "'boolean', 'string'"));
    }

    public static Integer integer(JsonNode object, String key, int min) {
        JsonNode value = object.get(key);
        if (value == null) {
            return null;
        }
        int number;
        if (value.isInt()) {
            number = value.intValue();
        } else if (value.isTextual() && value.textValue().matches("-?\\d+")) {
            number = Integer.parseInt(value.textValue());
        } else {
            throw fail(key, value, Reason.NOT_OF_TYPE.text(repr(value), "'integer', 'string'"));
        }
        if (number < min) {
            throw fail(key, value, Reason.BELOW_MINIMUM.text(repr(value), min));
        }
        return number;
    }

    /**
     * The refusal of {@code value} in {@code field} for {@code reason} (a {@link Reason}'s text).
     *
     * @param field null when the whole body is refused: the reason alone
     */
    public static ComputeException fail(String field, JsonNode value, String reason) {
        if (field == null) {
            return bare(reason);
        }
        // Nova formats the value with %s: str() of the value, so a string shows without quotes.
        String shown = value != null && value.isTextual() ? value.textValue() : repr(value);
        return Refusal.INVALID_INPUT.exception(field, shown, reason);
    }

    private static ComputeException bare(String reason) {
        return Refusal.INVALID_BODY.exception(reason);
    }

    /** A JSON value as Python prints it, as Nova's messages show values: {@code {'foo': 1}}, {@code None}. */
    public static String repr(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isTextual()) {
            return "'" + value.textValue().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNumber()) {
            return value.asText();
        }
        StringBuilder out = new StringBuilder();
        if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(repr(value.get(i)));
            }
            return out.append(']').toString();
        }
        out.append('{');
        boolean first = true;
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            out.append(first ? "" : ", ").append('\'').append(name).append("': ").append(repr(value.get(name)));
            first = false;
        }
        return out.append('}').toString();
    }
}
