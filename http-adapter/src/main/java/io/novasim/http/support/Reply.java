package io.novasim.http.support;

import io.novasim.model.error.Refusal;

import java.util.Map;

/**
 * What a route answers: a status, a body (a JSON value, a text, or none) and extra headers, and for a refusal its id
 * (null otherwise), which rendering the reply notes for the request journal. Routes return values; their API's
 * pipeline renders them, so the rendering rules of each API stay in one place.
 */
public record Reply(int status, Object body, Map<String, String> headers, Refusal refusal) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Object body) {
        return new Reply(status, body, Map.of(), null);
    }

    public static Reply ok(Object body) {
        return json(200, body);
    }

    public static Reply empty(int status) {
        return new Reply(status, null, Map.of(), null);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more, refusal);
    }

    /** The same reply with another body (its JSON already rendered, for one). */
    public Reply withBody(Object newBody) {
        return new Reply(status, newBody, headers, refusal);
    }

    /** The same reply with another status. */
    public Reply withStatus(int newStatus) {
        return new Reply(newStatus, body, headers, refusal);
    }

    /** The same reply, as the answer to {@code id}. */
    public Reply refusing(Refusal id) {
        return new Reply(status, body, headers, id);
    }
}
