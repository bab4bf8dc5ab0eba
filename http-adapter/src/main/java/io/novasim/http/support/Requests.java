package io.novasim.http.support;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Request checks shared by the APIs. */
public final class Requests {
    /** Request bodies above this get a 413, as Nova's sizelimit middleware does. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private Requests() {
    }

    /**
     * Whether the body's Content-Type is one Nova accepts. An absent type, {@code text/plain} and an empty body count
     * as "no type" (nova-semantics.md §1.6).
     */
    public static boolean acceptableJson(Exchange exchange) {
        String type = exchange.header("Content-Type");
        if (type == null || type.isBlank()) {
            return true;
        }
        String base = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/json") || base.equals("application/vnd.openstack.compute+json")
                || base.equals("text/plain") || base.isEmpty();
    }

    /**
     * Whether the request has no body: no bytes at all. Nova parses any body it is sent as JSON, whatever its type
     * ({@code text/plain} is "no type", not "no body"), so a body of blanks is a malformed one.
     */
    public static boolean bodyAbsent(Exchange exchange) {
        return body(exchange).isEmpty();
    }

    /**
     * The request's body as text; Nova's 413 when it is larger than {@link #MAX_BODY_BYTES}.
     *
     * @throws ComputeException {@link Refusal#REQUEST_TOO_LARGE} for a body over the limit
     */
    public static String body(Exchange exchange) {
        if (tooLarge(exchange)) {
            throw tooLargeError();
        }
        return exchange.body();
    }

    /** Whether the body is over the limit (the transport reads at most one byte more than the limit). */
    public static boolean tooLarge(Exchange exchange) {
        return exchange.bodyBytes().length > MAX_BODY_BYTES;
    }

    /** Nova's 413, as its sizelimit middleware answers. */
    public static ComputeException tooLargeError() {
        return Refusal.REQUEST_TOO_LARGE.exception();
    }

    /** The charset a Content-Type names, UTF-8 when it names none (or one Java does not know). */
    static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + "charset=".length()).split(";")[0].trim().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
