package io.novasim.cli.setup;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.CloudSetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a setup file (YAML, or JSON when the name ends in {@code .json}) into a {@link CloudSetup}. Every problem
 * becomes an {@link InvalidSetupException} naming the field, such as {@code users[1].roles.demo}.
 */
public final class SetupReader {
    /** How a setup file is written. */
    public enum Format {
        YAML, JSON;

        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    // Strict on purpose: a typo in a key or a duplicated key is an error, not a silently ignored line.
    private static final ObjectMapper YAML = strict(YAMLMapper.builder()).build();
    private static final ObjectMapper JSON = strict(JsonMapper.builder()).build();

    private SetupReader() {
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public static CloudSetup read(Path file) throws InvalidSetupException {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSetupException("", "no such file");
        } catch (IOException e) {
            throw new InvalidSetupException("", "cannot read it: " + e.getMessage());
        }
        return parse(content, Format.of(file));
    }

    public static CloudSetup parse(String content, Format format) throws InvalidSetupException {
        return SetupAssembler.assemble(decode(content, format));
    }

    static SetupFile decode(String content, Format format) throws InvalidSetupException {
        SetupFile file;
        try {
            file = (format == Format.JSON ? JSON : YAML).readValue(content, SetupFile.class);
        } catch (MismatchedInputException e) {
            if (!isEmptyDocument(e)) {
                throw translate(e, format);
            }
            file = null;
        } catch (JsonProcessingException e) {
            throw translate(e, format);
        }
        if (file == null) {
            throw new InvalidSetupException("", "the file is empty");
        }
        return file;
    }

    private static boolean isEmptyDocument(MismatchedInputException e) {
        return e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("No content to map");
    }

    private static InvalidSetupException translate(JsonProcessingException e, Format format) {
        // Databind wraps a syntax error met inside a list or mapping; the parser's message already shows the line.
        if (e.getCause() instanceof StreamReadException syntax) {
            return new InvalidSetupException("", "not valid " + format + ": " + syntax.getOriginalMessage().strip());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new InvalidSetupException("", "not valid " + format + ": " + e.getOriginalMessage());
        }
        String where = line(e.getLocation());
        String path = path(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new InvalidSetupException(path, "unknown field" + where + "; known fields: "
                    + String.join(", ", new TreeSet<>(names(unknown.getKnownPropertyIds()))));
        }
        if (mapping instanceof InvalidFormatException bad) {
            return new InvalidSetupException(path, "expected " + describe(bad.getTargetType()) + ", not '"
                    + bad.getValue() + "'" + where);
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InvalidSetupException(path, "expected " + describe(mismatch.getTargetType()) + where);
        }
        return new InvalidSetupException(path, mapping.getOriginalMessage() + where);
    }

    private static List<String> names(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    /** Jackson's reference chain as a path a person reads: {@code networks[0].subnets[1].cidr}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == SetupFile.class) {
            return "a mapping with projects, users, flavors, images, networks, volumes, hosts and quotas";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return type.getSimpleName();
    }
}
