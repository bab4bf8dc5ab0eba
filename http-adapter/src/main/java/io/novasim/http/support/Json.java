package io.novasim.http.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.novasim.model.error.Refusal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the adapter, and the small helpers every route uses to read and write bodies. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** Parses a request body; a body that is not JSON is Nova's {@code Malformed request body}. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Refusal.MALFORMED_BODY.exception();
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    /**
     * As {@link #write}, in UTF-8: an answer's body, written as bytes without a String in between. The maps, lists,
     * texts, numbers and booleans that views are made of go straight to Jackson's generator; anything else (a record,
     * an enum, a time) through the mapper. The bytes are the mapper's: {@code JsonWriteTest} compares them.
     */
    public static byte[] writeBytes(Object value) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(bytes)) {
            writeValue(generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
        byte[] written = bytes.toByteArray();
        bytes.release();
        return written;
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean truth) {
            generator.writeBoolean(truth);
        } else {
            MAPPER.writeValue(generator, value);
        }
    }

    /** An ordered map, so bodies keep the field order of the real APIs. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    public static Map<String, Object> object(String key, Object value) {
        Map<String, Object> map = object();
        map.put(key, value);
        return map;
    }

    /**
     * An ordered map of the given keys and values, in that order. Never {@code Map.of} for a body: its iteration
     * order changes from one JVM to the next, and so would the bytes of the answer.
     */
    public static Map<String, Object> object(String key, Object value, Object... moreKeysAndValues) {
        Map<String, Object> map = object(key, value);
        for (int i = 0; i < moreKeysAndValues.length; i += 2) {
            map.put((String) moreKeysAndValues[i], moreKeysAndValues[i + 1]);
        }
        return map;
    }

    /** Nova's timestamps: {@code 2026-01-01T00:00:05Z}. */
    public static String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0,
                ZoneOffset.UTC);
        if (!plainYear(utc)) {
            return NOVA_TIME.format(instant);
        }
        return dateAndTime(new StringBuilder(20), utc).append('Z').toString();
    }

    /** Nova's and Cinder's microsecond timestamps without a zone: {@code 2026-01-01T00:00:05.000000}. */
    public static String micros(Instant instant) {
        if (instant == null) {
            return null;
        }
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0,
                ZoneOffset.UTC);
        if (!plainYear(utc)) {
            return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        StringBuilder text = dateAndTime(new StringBuilder(26), utc).append('.');
        int micros = instant.getNano() / 1000;
        for (int digit = 100_000; digit > 0; digit /= 10) {
            text.append((char) ('0' + micros / digit % 10));
        }
        return text.toString();
    }

    /** Years the formatters print as four plain digits (others, with a sign or more digits, they spell). */
    private static boolean plainYear(java.time.LocalDateTime utc) {
        return utc.getYear() >= 1000 && utc.getYear() <= 9999;
    }

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ss}, as the formatters write it, without their cost: a server's view has three
     * timestamps, and a long scenario reads servers a hundred thousand times.
     */
    private static StringBuilder dateAndTime(StringBuilder text, java.time.LocalDateTime utc) {
        text.append(utc.getYear()).append('-');
        twoDigits(text, utc.getMonthValue()).append('-');
        twoDigits(text, utc.getDayOfMonth()).append('T');
        twoDigits(text, utc.getHour()).append(':');
        twoDigits(text, utc.getMinute()).append(':');
        return twoDigits(text, utc.getSecond());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
