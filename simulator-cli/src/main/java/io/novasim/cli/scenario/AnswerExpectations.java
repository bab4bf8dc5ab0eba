package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.novasim.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what an {@code expect} says of an answer: its status, headers, fault name and message, body fields. */
final class AnswerExpectations {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Puts saved values in place of {@code ${name}} in text found at {@code where} of the scenario. */
    @FunctionalInterface
    interface Substitution {
        String apply(String where, String text) throws InvalidScenarioException;
    }

    private AnswerExpectations() {
    }

    /**
     * One verdict per thing checked.
     *
     * @param spell   substitution for plain text
     * @param literal substitution inside a regular expression: a saved value stands for itself, quoted
     */
    /**
     * A header of the answer as a client reads it off the wire: the answer's own, or for {@code Content-Length}
     * (which a transport adds, not the API) the length of its body.
     */
    private static String header(ApiResponse response, String name) {
        String value = response.header(name);
        if (value == null && name.equalsIgnoreCase("Content-Length")) {
            return Integer.toString(response.body().length);
        }
        return value;
    }

    static List<Verdict> evaluate(String where, Scenario.Expect expect, ApiResponse response, JsonNode json,
                                  Substitution spell, Substitution literal) throws InvalidScenarioException {
        List<Verdict> verdicts = new ArrayList<>();
        io.novasim.state.faults.TransportFault lost = response.delivery().lostTo();
        if (expect.transport() != null) {
            verdicts.add(new Verdict("transport fault " + expect.transport(), lost != null
                    && lost.jsonName().equals(expect.transport()), lost == null ? "the answer came: "
                    + response.status() : "was " + lost.jsonName()));
        }
        if (lost != null) {
            // nothing of the answer arrived: every other thing it should say is missing
            if (expect.status() != null || expect.headers() != null || expect.fault() != null
                    || expect.message() != null || expect.json() != null) {
                verdicts.add(new Verdict("an answer", false, "it was lost to transport fault " + lost.jsonName()));
            }
            return verdicts;
        }
        if (expect.status() != null) {
            verdicts.add(new Verdict("status " + expect.status(), expect.status() == response.status(),
                    "was " + response.status()));
        }
        if (expect.headers() != null) {
            for (Map.Entry<String, String> header : expect.headers().entrySet()) {
                String value = spell.apply(where + ".expect.headers", header.getValue());
                String actual = header(response, header.getKey());
                verdicts.add(new Verdict("header " + header.getKey() + ": " + value, value.equals(actual),
                        "was " + actual));
            }
        }
        if (expect.fault() != null || expect.message() != null) {
            verdicts.addAll(faultVerdicts(where, expect, json, spell, literal));
        }
        if (expect.json() != null) {
            for (Map.Entry<String, JsonNode> entry : expect.json().entrySet()) {
                String pointer = entry.getKey();
                JsonNode value = entry.getValue().isTextual() ? JSON.getNodeFactory().textNode(
                        spell.apply(where + ".expect.json", entry.getValue().asText())) : entry.getValue();
                JsonNode actual = json == null ? null : json.at(pointer);
                boolean same = actual != null && !actual.isMissingNode() && (value.isValueNode()
                        ? value.asText().equals(actual.asText()) && value.isNull() == actual.isNull()
                        : value.equals(actual));
                String was = actual == null || actual.isMissingNode() ? "absent" : json(actual);
                verdicts.add(new Verdict(pointer + " = " + json(value), same, "was " + was));
            }
        }
        return verdicts;
    }

    /**
     * A node as JSON text, as {@link JsonNode#toString()} writes it; a plain string (printable ASCII, nothing to
     * escape) without Jackson's writer, which a check of every answer would otherwise start twice.
     */
    static String json(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return node.toString();
                }
            }
            return '"' + text + '"';
        }
        return node.toString();
    }

    /** A fault body is one key, the fault's name, holding an object with its {@code message}. */
    private static List<Verdict> faultVerdicts(String where, Scenario.Expect expect, JsonNode json,
                                               Substitution spell, Substitution literal)
            throws InvalidScenarioException {
        List<Verdict> verdicts = new ArrayList<>();
        Map.Entry<String, JsonNode> only = json != null && json.isObject() && json.size() == 1
                ? json.fields().next() : null;
        Map.Entry<String, JsonNode> fault = only != null && only.getValue().has("message") ? only : null;
        if (expect.fault() != null) {
            String actual = fault == null ? null : fault.getKey();
            verdicts.add(new Verdict("fault " + expect.fault(), expect.fault().equals(actual),
                    fault == null ? "no fault in the body" : "was " + actual));
        }
        if (expect.message() != null) {
            String pattern = literal.apply(where + ".expect.message", expect.message());
            String shown = spell.apply(where + ".expect.message", expect.message());
            String actual = fault == null ? null : fault.getValue().path("message").asText();
            boolean matches = actual != null && Pattern.compile(pattern).matcher(actual).matches();
            verdicts.add(new Verdict("message ~ " + shown, matches,
                    fault == null ? "no fault in the body" : "was " + actual));
        }
        return verdicts;
    }
}
