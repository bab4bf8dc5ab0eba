package io.novasim.http.support;

import io.novasim.ApiRequest;
import io.novasim.http.identity.Token;
import io.novasim.model.error.Refusal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request on its way through the APIs: what came in, and what the pipeline learns while it answers (the token
 * that sent it and why it was refused, for the journal; the headers set before the reply is made). One thread, one
 * request: not shared.
 */
public final class Exchange {
    private String operation;
    private final ApiRequest request;
    private final List<ApiRequest.Header> headers = new ArrayList<>(8);
    private Map<String, List<String>> query;
    private Token sentBy;
    private String refusal;
    private Refusal refusalId;
    private byte[] bytes;
    private long streamedBytes = -1;
    private String body;
    private io.novasim.state.faults.FiredFault answerFault;

    public Exchange(ApiRequest request) {
        this.request = request;
    }

    public ApiRequest request() {
        return request;
    }

    public String method() {
        return request.method();
    }

    public String path() {
        return request.path();
    }

    public String header(String name) {
        return request.header(name);
    }

    /** Where the client reached the simulator, for links: {@code http://127.0.0.1:8774}. */
    public String base() {
        return request.base();
    }

    /** Whether the method carries a body the APIs read (POST and PUT). */
    public boolean hasBody() {
        return request.method().equals("POST") || request.method().equals("PUT");
    }

    /** The first value of a query parameter (decoded), or null. */
    public String query(String name) {
        List<String> values = queryMap().get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of a query parameter (decoded), empty when absent. */
    public List<String> queries(String name) {
        return queryMap().getOrDefault(name, List.of());
    }

    /** The query parameters' names, in order. */
    public java.util.Set<String> queryNames() {
        return queryMap().keySet();
    }

    /** The query string as sent, or null. */
    public String queryString() {
        return request.query();
    }

    private Map<String, List<String>> queryMap() {
        if (query == null) {
            query = parseQuery(request.query());
        }
        return query;
    }

    /**
     * Parameters as servlet containers decode them: {@code &}-separated, {@code +} and {@code %XX} decoded as UTF-8,
     * a name without {@code =} has the empty value.
     */
    static Map<String, List<String>> parseQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a stray % stays as sent
        }
    }

    /**
     * The body as text, decoded in the charset its Content-Type names (UTF-8 by default); empty for none.
     */
    public String body() {
        if (body == null) {
            body = new String(bodyBytes(), Requests.charset(request.header("Content-Type")));
        }
        return body;
    }

    /** The body's bytes, read from the request once. */
    public byte[] bodyBytes() {
        if (bytes == null) {
            bytes = request.body();
        }
        return bytes;
    }

    /**
     * The body as a stream, for a route that takes more than an API body holds (an image's data); how many bytes it
     * gave is {@link #streamedBytes()}.
     */
    public java.io.InputStream bodyStream() {
        streamedBytes = 0;
        return new java.io.FilterInputStream(request.bodyStream()) {
            @Override
            public int read() throws java.io.IOException {
                int read = super.read();
                if (read >= 0) {
                    streamedBytes++;
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    streamedBytes += read;
                }
                return read;
            }
        };
    }

    /** How many bytes {@link #bodyStream()} gave, or -1 when the body was not streamed. */
    public long streamedBytes() {
        return streamedBytes;
    }

    /** Adds a header to the answer, before those of the reply. */
    public void header(String name, String value) {
        headers.add(new ApiRequest.Header(name, value));
    }

    List<ApiRequest.Header> headers() {
        return headers;
    }

    /** Notes the token that sent the request, once it is known to be valid, for the journal. */
    public void sentBy(Token token) {
        this.sentBy = token;
    }

    public Token sentBy() {
        return sentBy;
    }

    /** Remembers why the request is being refused (the first reason counts). */
    public void refuse(String explanation) {
        if (refusal == null) {
            refusal = explanation;
        }
    }

    /** The noted reason for a refusal, or null. */
    public String refusal() {
        return refusal;
    }

    /** Remembers which refusal the request is answered with (the first one noted counts, as for the reason). */
    public void refusedWith(Refusal id) {
        if (refusalId == null) {
            refusalId = id;
        }
    }

    /** Notes the fault that fired on the request's answer (a slow answer, a transport fault), to carry out. */
    public void answerFault(io.novasim.state.faults.FiredFault fault) {
        this.answerFault = fault;
    }

    /** The fault to carry out on the answer, or null. */
    public io.novasim.state.faults.FiredFault answerFault() {
        return answerFault;
    }

    /** The noted refusal's id, or null. */
    /** The API operation the request was routed to, by the name fault rules use ({@code get_volume}), or null. */
    public void operation(String name) {
        this.operation = name;
    }

    public String operation() {
        return operation;
    }

    public Refusal refusalId() {
        return refusalId;
    }
}
