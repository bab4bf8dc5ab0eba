package io.novasim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP request to the simulator's APIs, with no web framework in it: what {@link NovaSimulator#exchange} takes,
 * and what the HTTP server hands the same APIs for each request it receives. Build one with {@link #of(String, String)}:
 *
 * <pre>{@code
 * ApiResponse answer = sim.exchange(ApiRequest.of("GET", "/v2.1/servers").header("X-Auth-Token", token));
 * }</pre>
 *
 * <p>Immutable: every {@code with} method makes a new request.
 */
public interface ApiRequest {
    /**
     * The method.
     *
     * @return e.g. {@code GET}, in upper case
     */
    String method();

    /**
     * The path, as sent (not decoded).
     *
     * @return e.g. {@code /v2.1/servers/abc/action}
     */
    String path();

    /**
     * The query string, as sent.
     *
     * @return the part after {@code ?}, or null when there is none
     */
    String query();

    /**
     * A header's first value, whatever the case of its name.
     *
     * @param name e.g. {@code X-Auth-Token}
     * @return the value, or null when the request has no such header
     */
    String header(String name);

    /**
     * The names of the request's headers, as sent, once each.
     *
     * @return the names, in the order they first appear
     */
    List<String> headerNames();

    /**
     * Every header line, in order: what the journal keeps. Read once; a request read from a connection copies them.
     *
     * @return the lines, a name sent twice twice
     */
    default List<Header> headerLines() {
        List<Header> lines = new ArrayList<>();
        for (String name : headerNames()) {
            lines.add(new Header(name, header(name)));
        }
        return lines;
    }

    /**
     * The body.
     *
     * @return its bytes, empty when there is none
     */
    byte[] body();

    /**
     * The body as a stream, for a request that may carry more than an API body holds (an image's data). Read once,
     * instead of {@link #body()}.
     *
     * @return the body's bytes as they come
     */
    default java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body());
    }

    /**
     * Where the client reached the simulator, for the links and catalogs in answers.
     *
     * @return e.g. {@code http://127.0.0.1:8774}, or null for the simulator's own address
     */
    String base();

    /**
     * A request without headers or body, reaching the simulator at its own address.
     *
     * @param method e.g. {@code GET} (any case)
     * @param target the path, with a query string after {@code ?} if any: {@code /v2.1/servers?name=web} (a fragment
     *               after {@code #} is left out, as clients leave it out of what they send)
     * @return the request
     */
    static Built of(String method, String target) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        int hash = target.indexOf('#');
        if (hash >= 0) {
            target = target.substring(0, hash);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        return new Built(method.toUpperCase(Locale.ROOT), path, query, List.of(), new byte[0], null);
    }

    /**
     * A request made by {@link ApiRequest#of}: a value, changed by copying.
     *
     * @param method  the method, upper case
     * @param path    the path, as sent
     * @param query   the query string, or null
     * @param headers the headers as name-value pairs, in order
     * @param body    the body, empty for none
     * @param base    where the client reached the simulator, or null for its own address
     */
    record Built(String method, String path, String query, List<Header> headers, byte[] body, String base)
            implements ApiRequest {
        /** Checks that no part is null, and copies the headers. */
        public Built {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(body, "body");
            headers = List.copyOf(headers);
        }

        @Override
        public List<Header> headerLines() {
            return headers;
        }

        /**
         * This request with one more header.
         *
         * @param name  the header's name
         * @param value its value
         * @return a new request
         */
        public Built header(String name, String value) {
            List<Header> more = new ArrayList<>(headers);
            more.add(new Header(name, value));
            return new Built(method, path, query, more, body, base);
        }

        /**
         * This request with a body.
         *
         * @param bytes the body
         * @return a new request
         */
        public Built body(byte[] bytes) {
            return new Built(method, path, query, headers, bytes.clone(), base);
        }

        /**
         * This request with a JSON body, sent as {@code application/json}.
         *
         * @param json the body's text
         * @return a new request
         */
        public Built json(String json) {
            return body(json.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "application/json");
        }

        /**
         * This request as reaching the simulator at another address (links in answers name it).
         *
         * @param newBase e.g. {@code http://127.0.0.1:8774}
         * @return a new request
         */
        public Built base(String newBase) {
            return new Built(method, path, query, headers, body, newBase);
        }

        @Override
        public String header(String name) {
            for (Header header : headers) {
                if (header.name().equalsIgnoreCase(name)) {
                    return header.value();
                }
            }
            return null;
        }

        @Override
        public List<String> headerNames() {
            List<String> names = new ArrayList<>();
            for (Header header : headers) {
                if (names.stream().noneMatch(header.name()::equalsIgnoreCase)) {
                    names.add(header.name());
                }
            }
            return names;
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /**
     * One header line.
     *
     * @param name  its name, as written
     * @param value its value
     */
    record Header(String name, String value) {
        /** Checks that neither part is null. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        // Written out: a record's generated equals and hashCode go through method handles, slow for a value looked
        // up at every answer.
        @Override
        public boolean equals(Object other) {
            return other instanceof Header header && name.equals(header.name) && value.equals(header.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + value.hashCode();
        }
    }
}
