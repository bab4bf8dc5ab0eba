package io.novasim.http.support;

import io.javalin.http.Context;

import java.util.Map;

/** Writes a {@link Reply} to the response. */
public final class Replies {
    private Replies() {
    }

    public static void write(Context ctx, Reply reply, String jsonType) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            ctx.header(header.getKey(), header.getValue());
        }
        if (reply.body() == null) {
            ctx.contentType(jsonType);
            ctx.result("");
            return;
        }
        ctx.contentType(jsonType);
        ctx.result(reply.body() instanceof String text ? text : Json.write(reply.body()));
    }
}
