package io.novasim.http.support;

import io.javalin.http.Context;

import java.util.Map;

/** Writes a {@link Reply} to the response. */
public final class Replies {
    private Replies() {
    }

    public static void write(Context ctx, Reply reply, String jsonType) {
        write(ctx, reply, jsonType, Json::writeBytes);
    }

    /**
     * Writes with the dialect's own JSON spelling ({@code writer}, to UTF-8 bytes: every JSON type the simulator
     * answers with is UTF-8) and Content-Type.
     */
    public static void write(Context ctx, Reply reply, String contentType,
                             java.util.function.Function<Object, byte[]> writer) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            ctx.header(header.getKey(), header.getValue());
        }
        contentType(ctx, contentType);
        if (reply.body() == null) {
            ctx.result("");
            return;
        }
        if (reply.body() instanceof String text) {
            ctx.result(text);
        } else {
            ctx.result(writer.apply(reply.body()));
        }
    }

    /**
     * Sets Content-Type byte for byte. Jetty rewrites the types it knows ({@code application/json; charset=UTF-8}
     * becomes {@code application/json;charset=utf-8}), and the documents the simulator answers like show the
     * original spelling.
     */
    public static void contentType(Context ctx, String value) {
        ctx.contentType(value);
        if (ctx.res() instanceof org.eclipse.jetty.server.Response jetty) {
            jetty.getHttpFields().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, value);
        }
    }
}
