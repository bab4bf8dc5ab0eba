package io.novasim.http.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.FormatValidator;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.format.DateTimeFormat;

/**
 * {@code format: date-time} as RFC 3339 demands, except for the fields where Nova writes naive UTC timestamps
 * ({@link SchemaErrata#NAIVE_UTC_TIMESTAMPS}).
 */
final class NovaDateTimeFormat implements Format {
    private final DateTimeFormat rfc3339 = new DateTimeFormat();

    @Override
    public String getName() {
        return rfc3339.getName();
    }

    @Override
    public String getMessageKey() {
        return rfc3339.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return rfc3339.matches(context, value);
    }

    @Override
    public boolean matches(ExecutionContext context, ValidationContext validationContext, JsonNode value,
                           JsonNode root, JsonNodePath instanceLocation, boolean assertionsEnabled,
                           FormatValidator validator) {
        int names = instanceLocation.getNameCount();
        String field = names == 0 ? "" : instanceLocation.getName(names - 1);
        if (value.isTextual() && SchemaErrata.naiveTimestamp(field, value.textValue())) {
            return true;
        }
        return Format.super.matches(context, validationContext, value, root, instanceLocation, assertionsEnabled,
                validator);
    }
}
