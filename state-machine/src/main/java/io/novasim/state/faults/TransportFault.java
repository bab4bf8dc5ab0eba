package io.novasim.state.faults;

import java.util.Locale;

/**
 * A failure of the connection rather than of the API, carried out by the HTTP server (in memory, the call fails with
 * a transport failure of this kind). The call itself was handled: its change, if any, is made; the client only never
 * learns the answer.
 */
public enum TransportFault {
    /** The connection is reset (a TCP RST) before any byte of the answer. */
    RESET("the connection is reset before any answer"),
    /** The connection is closed without any answer. */
    EMPTY("the connection is closed without an answer"),
    /**
     * The status and headers, then half of the body, then the connection is closed; an answer with no body is cut in
     * its head.
     */
    TRUNCATED("the answer's body is cut short and the connection closed"),
    /** Bytes that are not HTTP, then the connection is closed. */
    MALFORMED("bytes that are not HTTP are sent and the connection closed"),
    /** The status and headers, then nothing, until the client gives up. */
    STALL("the status and headers are sent, then nothing until the client gives up");

    private final String meaning;

    TransportFault(String meaning) {
        this.meaning = meaning;
    }

    /** Its name in the rule language: {@code reset}, {@code empty}... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the client sees. */
    public String meaning() {
        return meaning;
    }

    /** The fault with this name in the rule language. */
    public static TransportFault named(String name) {
        for (TransportFault fault : values()) {
            if (fault.jsonName().equals(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("no transport fault " + name);
    }

    /** The names the rule language accepts, in order. */
    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(TransportFault::jsonName).toList();
    }
}
