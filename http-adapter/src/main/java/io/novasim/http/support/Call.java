package io.novasim.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.identity.Token;
import io.novasim.state.command.Caller;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One authenticated API call, as a route sees it. */
public final class Call {
    private final Exchange exchange;
    private final Token token;
    private final Microversion microversion;
    private final String requestId;
    private final JsonNode body;
    private final Map<String, String> params;
    private final Object variant;

    /**
     * @param params  the path parameters of the matched route
     * @param variant what the API that matched the route tells its routes about the call (the compute dialect), or
     *                null
     */
    public Call(Exchange exchange, Token token, Microversion microversion, String requestId, JsonNode body,
                Map<String, String> params, Object variant) {
        this.exchange = exchange;
        this.token = token;
        this.microversion = microversion;
        this.requestId = requestId;
        this.body = body;
        this.params = params;
        this.variant = variant;
    }

    public Caller caller() {
        return token.caller();
    }

    public Token token() {
        return token;
    }

    public Microversion microversion() {
        return microversion;
    }

    public boolean atLeast(int minor) {
        return microversion.atLeast(minor);
    }

    public String requestId() {
        return requestId;
    }

    /** The parsed body, or null when there was none. */
    public JsonNode body() {
        return body;
    }

    /** A path parameter of the matched route, decoded. */
    public String path(String name) {
        return params.get(name);
    }

    /** The request's path, as sent. */
    public String requestPath() {
        return exchange.path();
    }

    public String query(String name) {
        return exchange.query(name);
    }

    public List<String> queries(String name) {
        return exchange.queries(name);
    }

    public Set<String> queryNames() {
        return exchange.queryNames();
    }

    /** The body as text, for a service that reads it itself (Glance). */
    public String bodyText() {
        return exchange.body();
    }

    /** The body as a stream, for a route that takes more than an API body holds (an image's data). */
    public java.io.InputStream bodyStream() {
        return exchange.bodyStream();
    }

    public String header(String name) {
        return exchange.header(name);
    }

    /** The scheme, host and port the client reached, for links and catalogs. */
    public String base() {
        return exchange.base();
    }

    /** What the API told its routes about the call (see the constructor), or null. */
    public Object variant() {
        return variant;
    }
}
