package io.novasim.http.support;

import io.javalin.http.Context;
import io.novasim.http.HttpApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Request checks shared by the APIs. */
public final class Requests {
    private static final String BODY = Requests.class.getName() + ".body";

    private Requests() {
    }

    /**
     * Whether the body's Content-Type is one Nova accepts. An absent type, {@code text/plain} and an empty body count
     * as "no type" (nova-semantics.md §1.6).
     */
    public static boolean acceptableJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            return true;
        }
        String base = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/json") || base.equals("application/vnd.openstack.compute+json")
                || base.equals("text/plain") || base.isEmpty();
    }

    /** Whether the body counts as absent: no bytes, or a {@code text/plain} type. */
    public static boolean bodyAbsent(Context ctx) {
        String type = ctx.header("Content-Type");
        return body(ctx).isBlank() || (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain"));
    }

    /**
     * The request's body, as {@link Context#body()} gives it (decoded in the request's charset, UTF-8 by default; a
     * 413 for one over the size limit), read once. Javalin reads a body through two 8 KiB buffers, however short it
     * is: one of a known length is read here into an array of that length. Every reader of a body in the
     * simulator goes through here, for once read, the stream has nothing left for {@link Context#body()}.
     *
     * @param ctx the request
     * @return the body, empty for none
     */
    public static String body(Context ctx) {
        String read = ctx.attribute(BODY);
        if (read != null) {
            return read;
        }
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > HttpApp.MAX_REQUEST_BYTES) {
            read = ctx.body(); // unknown length (chunked), or too large: Javalin's own reading and refusal
        } else {
            byte[] bytes;
            try {
                bytes = ctx.req().getInputStream().readNBytes((int) length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String charset = ctx.characterEncoding();
            read = new String(bytes, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        }
        ctx.attribute(BODY, read);
        return read;
    }
}
