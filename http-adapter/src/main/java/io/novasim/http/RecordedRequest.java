package io.novasim.http;

import java.time.Instant;

/**
 * One request the simulator received, as the journal keeps it (compute, network, volume and image requests; Keystone's
 * and the control plane's are not journaled).
 *
 * @param sequence    1 for the first request the simulator received, then one more for each
 * @param virtualTime the simulator's virtual time when it answered
 * @param requestId   the {@code x-openstack-request-id} of the answer
 * @param method      e.g. {@code POST}
 * @param path        e.g. {@code /v2.1/servers}
 * @param query       the query string without the {@code ?}, or null
 * @param body        the body of a POST or PUT (its first 4 KiB), else null
 * @param status      the status code of the answer
 */
public record RecordedRequest(long sequence, Instant virtualTime, String requestId, String method, String path,
                              String query, String body, int status) {

    /** The method and the target, as in an HTTP request line: {@code GET /v2.1/servers?name=web}. */
    public String requestLine() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
