package io.novasim.http.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.novasim.http.support.Json;

/**
 * The control plane's JSON: one naming style, OpenStack's own snake_case, for every field it writes, the Java values
 * it answers with (the state readout, the journal's requests) included: {@code virtual_time} beside {@code rule_id}.
 */
public final class ControlJson {
    /** Writes and reads the control plane's values ({@link io.novasim.RecordedRequest}, snapshots' commands). */
    public static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ControlJson() {
    }

    /** As {@link #writeBytes}, as text. */
    public static String write(Object value) {
        return new String(writeBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
