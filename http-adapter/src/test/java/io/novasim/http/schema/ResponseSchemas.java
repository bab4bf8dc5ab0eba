package io.novasim.http.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a response body against the schema an operation has at a microversion, and fails with every message.
 *
 * <pre>{@code
 * ResponseSchemas.compute().assertValid("GET", "/v2.1/servers/{id}", "2.47", body);
 * }</pre>
 */
public final class ResponseSchemas {
    /** What one validation found: the schema used and every problem, one line each. */
    public record Outcome(String schema, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final OpenApiSchemas document;

    private ResponseSchemas(OpenApiSchemas document) {
        this.document = document;
    }

    public static ResponseSchemas compute() {
        return new ResponseSchemas(OpenApiSchemas.compute());
    }

    public static ResponseSchemas of(OpenApiSchemas document) {
        return new ResponseSchemas(document);
    }

    public OpenApiSchemas document() {
        return document;
    }

    /** Validates {@code body} against the response schema of {@code method path} at {@code microversion}. */
    public Outcome check(String method, String path, String microversion, JsonNode body) {
        return checkSchema(document.responseSchema(method, path, microversion), body);
    }

    /** Validates {@code body} against {@code #/components/schemas/<schema>}. */
    public Outcome checkSchema(String schema, JsonNode body) {
        return outcome(schema, document.validate(schema, body));
    }

    /** Validates {@code body} against a sub-schema, e.g. {@code List.of("components", "schemas", "X", "items")}. */
    public Outcome checkAt(List<String> pointer, JsonNode body) {
        return outcome("#/" + String.join("/", pointer), document.validateAt(pointer, body));
    }

    private static Outcome outcome(String schema, List<ValidationMessage> messages) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : closestVariants(messages)) {
            problems.add(describe(message));
        }
        return new Outcome(schema, List.copyOf(problems));
    }

    /**
     * When a {@code oneOf} / {@code anyOf} fails, the validator reports every variant's messages; a body meant for one
     * variant then drowns in the others'. Keeps, per failed combinator and instance, the variant with the fewest
     * messages (the one the body was meant to be), and the combinator's own message.
     */
    static List<ValidationMessage> closestVariants(List<ValidationMessage> messages) {
        Set<ValidationMessage> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ValidationMessage combinator : messages) {
            if (!"oneOf".equals(combinator.getType()) && !"anyOf".equals(combinator.getType())) {
                continue;
            }
            String prefix = fragment(combinator) + "/";
            Map<Integer, List<ValidationMessage>> byVariant = new TreeMap<>();
            for (ValidationMessage message : messages) {
                String fragment = fragment(message);
                if (message != combinator && !dropped.contains(message) && fragment.startsWith(prefix)
                        && message.getInstanceLocation().startsWith(combinator.getInstanceLocation())) {
                    String rest = fragment.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    String index = slash < 0 ? rest : rest.substring(0, slash);
                    if (index.matches("\\d+")) {
                        byVariant.computeIfAbsent(Integer.parseInt(index), i -> new ArrayList<>()).add(message);
                    }
                }
            }
            byVariant.values().stream().min(Comparator.comparingInt(List::size)).ifPresent(best ->
                    byVariant.values().stream().filter(v -> v != best).forEach(dropped::addAll));
        }
        return messages.stream().filter(m -> !dropped.contains(m)).toList();
    }

    private static String fragment(ValidationMessage message) {
        String location = String.valueOf(message.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }

    private static String describe(ValidationMessage message) {
        return "[" + message.getType() + "] " + message.getMessage() + "  (at #" + fragment(message) + ")";
    }

    /** Fails, listing every message, unless {@code body} matches the operation's schema at {@code microversion}. */
    public Outcome assertValid(String method, String path, String microversion, JsonNode body) {
        return assertValid(check(method, path, microversion, body), method + " " + path + " at " + microversion,
                body);
    }

    /** Fails, listing every message, unless {@code body} matches {@code #/components/schemas/<schema>}. */
    public Outcome assertValidSchema(String schema, JsonNode body) {
        return assertValid(checkSchema(schema, body), schema, body);
    }

    /** Fails, listing every message, unless {@code body} matches the sub-schema at {@code pointer}. */
    public Outcome assertValidAt(List<String> pointer, JsonNode body) {
        Outcome outcome = checkAt(pointer, body);
        return assertValid(outcome, outcome.schema(), body);
    }

    private static Outcome assertValid(Outcome outcome, String what, JsonNode body) {
        if (!outcome.valid()) {
            StringBuilder text = new StringBuilder();
            text.append(what).append(": the body does not match ").append(outcome.schema()).append(" (")
                    .append(outcome.problems().size()).append(" problem(s))\n");
            outcome.problems().forEach(p -> text.append("  - ").append(p).append('\n'));
            text.append("body: ").append(body);
            throw new AssertionError(text.toString());
        }
        return outcome;
    }
}
