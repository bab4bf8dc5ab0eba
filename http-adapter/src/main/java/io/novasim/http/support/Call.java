package io.novasim.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.novasim.http.identity.Token;
import io.novasim.state.command.Caller;

import java.util.List;
import java.util.Map;

/** One authenticated API call, as a route sees it. */
public final class Call {
    private final Context ctx;
    private final Token token;
    private final Caller caller;
    private final Microversion microversion;
    private final String requestId;
    private final JsonNode body;
    private final Map<String, String> params;

    public Call(Context ctx, Token token, Caller caller, Microversion microversion, String requestId, JsonNode body) {
        this(ctx, token, caller, microversion, requestId, body, null);
    }

    /** @param params the path parameters, when a router of the adapter's own matched the path (not Javalin) */
    public Call(Context ctx, Token token, Caller caller, Microversion microversion, String requestId, JsonNode body,
                Map<String, String> params) {
        this.ctx = ctx;
        this.token = token;
        this.caller = caller;
        this.microversion = microversion;
        this.requestId = requestId;
        this.body = body;
        this.params = params;
    }

    public Caller caller() {
        return caller;
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

    public String path(String name) {
        return params != null ? params.get(name) : ctx.pathParam(name);
    }

    /** A path parameter that the matched path may not have, or null. */
    public String pathOrNull(String name) {
        return params != null ? params.get(name) : ctx.pathParamMap().get(name);
    }

    public String query(String name) {
        return ctx.queryParam(name);
    }

    public List<String> queries(String name) {
        return ctx.queryParams(name);
    }

    public java.util.Set<String> queryNames() {
        return ctx.queryParamMap().keySet();
    }

    public String header(String name) {
        return ctx.header(name);
    }

    /** The scheme, host and port the client reached, for links and catalogs. */
    public String base() {
        return ctx.scheme() + "://" + ctx.host();
    }

    public Context context() {
        return ctx;
    }
}
