package io.novasim;

import io.novasim.model.error.Refusal;

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
 * @param userName    the name of the user whose token sent it (its id when the world has no such user, as for the
 *                    control token), or null when it carried no valid token
 * @param projectName the name of the project that token is scoped to (its id when the world has no such project), or
 *                    null when it carried no valid token
 * @param microversion the compute microversion the client asked for (the compute entry of
 *                    {@code OpenStack-API-Version}, else {@code X-OpenStack-Nova-API-Version}, e.g. {@code 2.79} or
 *                    {@code latest}), or null when it asked for none
 * @param refusal     for an answer of 400 or more, which rule refused it and why (e.g. {@code detach_interface
 *                    refused: task_state rebooting is not None (rule: task_state must be None)}), else null
 * @param refusalId   for an answer of 400 or more, the refusal it is (e.g. {@link Refusal#INSTANCE_INVALID_STATE}),
 *                    else null; a dialect that answers a refusal otherwise keeps the id of the simulator's
 * @param fault       for an answer a fault rule changed on its way (made slow, lost to a transport fault), the rule and
 *                    what it did (e.g. {@code rule lossy: transport fault reset: ...}), else null
 * @param operation   the API operation it called, by the names fault rules use: Nova's ({@code detach_volume}, also
 *                    when it was refused) or another service's ({@code get_volume}); null for a request of none
 *                    (a listing of flavors, a version document, a route that is not there)
 * @param headers     the request's headers as sent, the first value of each by its name as written, with the tokens
 *                    and credentials ({@code X-Auth-Token}, {@code X-Subject-Token}, {@code X-Service-Token}, {@code Authorization}) redacted as
 *                    Keystone's logs redact them, {@code {SHA256}} and the hash of the value: the same token reads the
 *                    same, and the journal never shows one
 */
public record RecordedRequest(long sequence, Instant virtualTime, String requestId, String method, String path,
                              String query, String body, int status, String userName, String projectName,
                              String microversion, String refusal, Refusal refusalId, String fault,
                              String operation, java.util.Map<String, String> headers) {
    /** Keeps the headers as given, unmodifiable; none when absent. */
    public RecordedRequest {
        headers = headers == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(headers);
        // not copied: the journal's map spells the headers out only when read
    }

    /**
     * A header's value, whatever the case of its name.
     *
     * @param name e.g. {@code Content-Type}
     * @return the value (redacted for a token), or null when the request had no such header
     */
    public String header(String name) {
        for (java.util.Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** The method and the target, as in an HTTP request line: {@code GET /v2.1/servers?name=web}. */
    public String requestLine() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The refusal as transcripts and the server's log print it, its id first: {@code [INSTANCE_INVALID_STATE]
     * detach_interface refused: task_state rebooting is not None (rule: task_state must be None)}.
     *
     * @return the line, or null when the request was not refused
     */
    public String refusalLine() {
        if (refusal == null) {
            return null;
        }
        return refusalId == null ? refusal : "[" + refusalId + "] " + refusal;
    }
}
