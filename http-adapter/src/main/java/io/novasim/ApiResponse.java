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
 * @param body     the body, empty for none
 * @param delivery how the answer is to reach the client: at once, unless a fault rule made it slow or lost it
 */
public record ApiResponse(int status, List<ApiRequest.Header> headers, byte[] body, Delivery delivery) {
    /** Checks that no part is null, and copies the headers. */
    public ApiResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delivery, "delivery");
        headers = List.copyOf(headers);
    }

    /** An answer delivered at once. */
    public ApiResponse(int status, List<ApiRequest.Header> headers, byte[] body) {
        this(status, headers, body, Delivery.AT_ONCE);
    }

    /** The same answer, delivered as {@code how} says. */
    public ApiResponse deliveredAs(Delivery how) {
        return new ApiResponse(status, headers, body, how);
    }

    /**
     * How an answer reaches the client, as a fault rule decided it.
     *
     * @param holdFor how long the answer waits, in real time, before it goes out (zero: at once). On virtual time the
     *                simulator moves its clock instead and answers at once.
     * @param lostTo  the transport fault the answer is lost to (the HTTP server carries it out; in memory, the call
     *                fails with a {@link TransportFailure}), or null
     * @param ruleId  the fault rule that decided it, or null when none did
     */
    public record Delivery(java.time.Duration holdFor, io.novasim.state.faults.TransportFault lostTo, String ruleId) {
        /** At once, as sent: no fault rule changed it. */
        public static final Delivery AT_ONCE = new Delivery(java.time.Duration.ZERO, null, null);

        public Delivery {
            Objects.requireNonNull(holdFor, "holdFor");
        }
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
