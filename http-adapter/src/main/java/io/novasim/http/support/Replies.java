package io.novasim.http.support;

import io.novasim.ApiRequest;
import io.novasim.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders a {@link Reply} as the answer on the wire. */
public final class Replies {
    private static final byte[] EMPTY = new byte[0];

    private Replies() {
    }

    /** The answer, its JSON written by the one mapper. */
    public static ApiResponse render(Exchange exchange, Reply reply, String jsonType) {
        return render(exchange, reply, jsonType, Json::writeBytes);
    }

    /**
     * The answer: the headers the pipeline set on the exchange, then the reply's, then {@code Content-Type} (unless
     * the reply has its own: a load balancer's page is HTML); a body
     * written with the dialect's own JSON spelling ({@code writer}, to UTF-8 bytes: every JSON type the simulator
     * answers with is UTF-8), or a text as UTF-8. A refusal's reply notes its id on the exchange, for the journal.
     */
    public static ApiResponse render(Exchange exchange, Reply reply, String contentType,
                                     Function<Object, byte[]> writer) {
        if (reply.refusal() != null) {
            exchange.refusedWith(reply.refusal());
        }
        List<ApiRequest.Header> headers = new ArrayList<>(exchange.headers().size() + reply.headers().size() + 1);
        headers.addAll(exchange.headers());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            headers.add(new ApiRequest.Header(header.getKey(), header.getValue()));
        }
        if (!reply.headers().containsKey("Content-Type")) {
            headers.add(new ApiRequest.Header("Content-Type", contentType));
        }
        byte[] body;
        if (reply.body() == null) {
            body = EMPTY;
        } else if (reply.body() instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (reply.body() instanceof RawJson raw) {
            body = raw.bytes();
        } else {
            body = writer.apply(reply.body());
        }
        return new ApiResponse(reply.status(), headers, body);
    }
}
