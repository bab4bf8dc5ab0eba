package io.novasim.http;

import java.time.Instant;

/** One request the simulator received, as the journal keeps it. */
public record RecordedRequest(long sequence, Instant virtualTime, String requestId, String method, String path,
                              String query, String body, int status) {
}
