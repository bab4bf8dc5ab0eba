package io.novasim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simulator's answer to an {@link ApiRequest}: what its APIs answer before any transport adds to it. Over HTTP the
 * same answer goes out with the headers the transport adds: {@code Date} and the length or chunking.
 *
 * @param status  the status code
 * @param headers the headers, in order, names as written (a name may repeat, as {@code Vary} does)
 * @param body    the body, empty for none
 */
public record ApiResponse(int status, List<ApiRequest.Header> headers, byte[] body) {
    /** Checks that no part is null, and copies the headers. */
    public ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
    }

    /**
     * A header's first value, whatever the case of its name.
     *
     * @param name e.g. {@code Content-Type}
     * @return the value, or null when there is no such header
     */
    public String header(String name) {
        for (ApiRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /**
     * Every value of a header, whatever the case of its name.
     *
     * @param name e.g. {@code Vary}
     * @return the values in order, empty when there is none
     */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(2);
        for (ApiRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /**
     * The body as text: every answer of the simulator's APIs is UTF-8.
     *
     * @return the body, decoded
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
