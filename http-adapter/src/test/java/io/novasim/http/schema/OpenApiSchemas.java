package io.novasim.http.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAPI 3.1 document from the test resources ({@code /openapi/*.yaml}), parsed once per JVM, and the response
 * schemas of its operations compiled on demand with networknt json-schema-validator (draft 2020-12, formats asserted).
 * References ({@code $ref: '#/components/schemas/X'}) resolve inside the same document: every schema is a sub-schema of
 * the one compiled document.
 */
public final class OpenApiSchemas {
    private static final Map<String, OpenApiSchemas> LOADED = new ConcurrentHashMap<>();
    /** OpenAPI's own keywords and the document's extensions: annotations, not assertions. */
    private static final List<String> NOT_ASSERTIONS = List.of("openapi", "info", "servers", "paths", "webhooks",
            "components", "security", "tags", "externalDocs", "jsonSchemaDialect", "example", "discriminator", "xml",
            "x-openstack");

    private final String file;
    private final JsonNode document;
    private final JsonSchema compiled;
    private final Map<String, JsonSchema> byPointer = new ConcurrentHashMap<>();

    private OpenApiSchemas(String file) {
        this.file = file;
        this.document = read(file);
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keywords(NOT_ASSERTIONS.stream().map(NonValidationKeyword::new).toList())
                // Neutron's and Nova's MAC addresses: six lower- or upper-case hex pairs joined by colons.
                .format(PatternFormat.of("mac-address", "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$", null))
                .format(new NovaDateTimeFormat())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .preloadJsonSchema(false)
                .build();
        this.compiled = factory.getSchema(SchemaLocation.of("https://schemas.novasim.test/openapi/" + file),
                document, config);
    }

    /** The compute API's document ({@code compute-v2.yaml}). */
    public static OpenApiSchemas compute() {
        return of("compute-v2.yaml");
    }

    /** A document of {@code src/test/resources/openapi/}, loaded once. */
    public static OpenApiSchemas of(String file) {
        return LOADED.computeIfAbsent(file, OpenApiSchemas::new);
    }

    private static JsonNode read(String file) {
        // The compute document is above SnakeYAML's default limit of 3 MiB of code points.
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
        // A name is a test resource of /openapi/; a path (from /) is any resource, as a document novasim serves.
        String resource = file.startsWith("/") ? file : "/openapi/" + file;
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /openapi/" + file, e);
        }
    }

    public String file() {
        return file;
    }

    public JsonNode document() {
        return document;
    }

    /** The schema of {@code #/components/schemas/<name>}. */
    public JsonNode schemaNode(String name) {
        JsonNode node = document.path("components").path("schemas").path(name);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no schema " + name);
        }
        return node;
    }

    /**
     * The names of the response schemas of one operation: the {@code $ref} of its first 2xx JSON response, or each
     * {@code $ref} of a top-level {@code oneOf} / {@code anyOf} (one per range of microversions). The status code the
     * document gives is not checked: only the shape is trusted.
     */
    public List<String> responseSchemas(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no operation " + method + " " + path);
        }
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
             responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            if (schema.has("$ref")) {
                names.add(componentName(schema.get("$ref").asText()));
            }
            for (String combinator : List.of("oneOf", "anyOf")) {
                for (JsonNode variant : schema.path(combinator)) {
                    if (!variant.has("$ref")) {
                        throw new IllegalStateException(method + " " + path + ": an inline " + combinator
                                + " variant; only $ref variants are supported");
                    }
                    names.add(componentName(variant.get("$ref").asText()));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException(method + " " + path + ": an inline response schema");
            }
            return List.copyOf(names);
        }
        throw new IllegalArgumentException(method + " " + path + " has no JSON success response in " + file);
    }

    /** The response schema of one operation for a request at {@code microversion} (see {@link Microversions#pick}). */
    public String responseSchema(String method, String path, String microversion) {
        return Microversions.pick(responseSchemas(method, path), microversion);
    }

    private static String componentName(String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            throw new IllegalStateException("not a local component reference: " + ref);
        }
        return ref.substring(prefix.length());
    }

    /** Validates against {@code #/components/schemas/<name>}; every message, in a stable order. */
    public List<ValidationMessage> validate(String name, JsonNode instance) {
        schemaNode(name);
        return validateAt(List.of("components", "schemas", name), instance);
    }

    /** Validates against the sub-schema at a JSON pointer given as its segments, e.g. a property of a schema. */
    public List<ValidationMessage> validateAt(List<String> pointer, JsonNode instance) {
        JsonSchema schema = byPointer.computeIfAbsent(String.join("/", pointer), key -> {
            JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER);
            for (String segment : pointer) {
                path = path.append(segment);
            }
            return compiled.getRefSchema(path);
        });
        Set<ValidationMessage> messages = schema.validate(instance);
        List<ValidationMessage> sorted = new ArrayList<>(messages);
        sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
        return sorted;
    }
}
