package io.novasim.http.javalin;

import io.javalin.http.Context;
import io.novasim.ApiRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request Javalin received, as the API reads it: headers straight from the servlet request when asked for, the
 * body read once when first asked for, and at most one byte more than the largest body the API takes.
 */
final class ContextRequest implements ApiRequest {
    private final Context ctx;
    private final HttpServletRequest request;
    private final int maxBody;
    private byte[] body;

    ContextRequest(Context ctx, int maxBody) {
        this.ctx = ctx;
        this.request = ctx.req();
        this.maxBody = maxBody;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public String query() {
        return request.getQueryString();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public List<String> headerNames() {
        return new ArrayList<>(Collections.list(request.getHeaderNames()));
    }

    /** One pass over Jetty's fields, copied: the request is recycled after its answer. */
    @Override
    public List<Header> headerLines() {
        List<Header> lines = new ArrayList<>(12);
        for (java.util.Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            lines.add(new Header(name, request.getHeader(name)));
        }
        return lines;
    }

    @Override
    public byte[] body() {
        if (body == null) {
            try {
                body = request.getInputStream().readNBytes(maxBody + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    @Override
    public java.io.InputStream bodyStream() {
        if (body != null) {
            return new java.io.ByteArrayInputStream(body);
        }
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String base() {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host != null ? host
                : request.getServerName() + ":" + request.getServerPort());
    }
}
