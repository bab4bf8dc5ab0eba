package io.novasim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which journaled requests a verification counts: a method and a path (a regular expression the whole path must
 * match, with or without the project id the catalog puts after the API's version), or an operation, and optionally a
 * status, headers and a body. Immutable: every {@code with} method makes a new pattern.
 *
 * <pre>{@code
 * sim.control().verify(RequestCount.exactly(2), RequestPattern.requests("DELETE", "/v2.1/servers/.*"));
 * }</pre>
 */
public final class RequestPattern {
    /** The project id a service catalog puts after the version: {@code /v2.1/<project>/servers}. */
    private static final Pattern PROJECT_IN_PATH = Pattern.compile("(/v[0-9]+(?:\\.[0-9]+)?)/[0-9a-f]{32}(?=/|$)");

    private final String method;
    private final Pattern path;
    private final Integer status;
    private final Map<String, Pattern> headers;
    private final Pattern body;
    private final String operation;

    private RequestPattern(String method, Pattern path, Integer status, Map<String, Pattern> headers, Pattern body,
                           String operation) {
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.operation = operation;
    }

    /**
     * The requests that called an operation, whatever their path: Nova's by the names fault rules use
     * ({@code detach_volume}, {@code reboot_soft}; refused calls count too), another service's as its policies name
     * them ({@code get_volume}, {@code create_port}). A {@code -} may stand for {@code _}.
     *
     * @param name the operation's name
     * @return the pattern
     */
    public static RequestPattern operation(String name) {
        return new RequestPattern(null, Pattern.compile(".*"), null, Map.of(), null,
                name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /**
     * Requests with this method to a path matching {@code pathRegex} whole.
     *
     * @param method    e.g. {@code GET}, any case; {@code null} for any method
     * @param pathRegex e.g. {@code /v2.1/servers/[^/]+}; the project id after the version may be left out
     * @return the pattern
     */
    public static RequestPattern requests(String method, String pathRegex) {
        return new RequestPattern(method == null ? null : method.toUpperCase(java.util.Locale.ROOT),
                Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex")), null, Map.of(), null, null);
    }

    /** Every request the journal keeps. */
    public static RequestPattern anyRequest() {
        return requests(null, ".*");
    }

    /**
     * Only those answered with this status.
     *
     * @param code e.g. {@code 202}
     * @return a new pattern
     */
    public RequestPattern withStatus(int code) {
        return new RequestPattern(method, path, code, headers, body, operation);
    }

    /**
     * Only those with this header, its whole value (redacted, for a token) matching {@code valueRegex}.
     *
     * @param name       the header's name, any case
     * @param valueRegex e.g. {@code compute 2\.79}
     * @return a new pattern
     */
    public RequestPattern withHeader(String name, String valueRegex) {
        Map<String, Pattern> more = new LinkedHashMap<>(headers);
        more.put(name, Pattern.compile(valueRegex));
        return new RequestPattern(method, path, status, Map.copyOf(more), body, operation);
    }

    /**
     * Only those whose body (its first 4 KiB, as journaled) contains a match of {@code regex}.
     *
     * @param regex e.g. {@code "os-stop"}
     * @return a new pattern
     */
    public RequestPattern withBodyContaining(String regex) {
        return new RequestPattern(method, path, status, headers, Pattern.compile(regex), operation);
    }

    /**
     * Whether a journaled request is one of these.
     *
     * @param request a request of the journal
     * @return whether it matches every part of the pattern
     */
    public boolean matches(RecordedRequest request) {
        return mismatches(request).isEmpty();
    }

    /** What of the pattern a request does not match: empty when it matches. */
    List<String> mismatches(RecordedRequest request) {
        List<String> differences = new ArrayList<>(2);
        if (method != null && !method.equals(request.method())) {
            differences.add("method " + request.method());
        }
        if (!pathMatches(request.path())) {
            differences.add("path");
        }
        if (operation != null && !operation.equals(request.operation())) {
            differences.add("operation " + request.operation());
        }
        if (status != null && status != request.status()) {
            differences.add("status " + request.status());
        }
        headers.forEach((name, value) -> {
            String sent = request.header(name);
            if (sent == null || !value.matcher(sent).matches()) {
                differences.add("header " + name + (sent == null ? " absent" : " " + sent));
            }
        });
        if (body != null && (request.body() == null || !body.matcher(request.body()).find())) {
            differences.add("body");
        }
        return differences;
    }

    private boolean pathMatches(String sent) {
        return path.matcher(sent).matches() || path.matcher(PROJECT_IN_PATH.matcher(sent).replaceFirst("$1"))
                .matches();
    }

    /** How far a path is from the pattern's, for ranking near misses: an edit distance to its text. */
    int distance(RecordedRequest request) {
        if (operation != null) {
            return request.operation() == null ? Integer.MAX_VALUE / 2 : editDistance(operation, request.operation());
        }
        String sent = PROJECT_IN_PATH.matcher(request.path()).replaceFirst("$1");
        return editDistance(path.pattern(), sent) + (method != null && !method.equals(request.method()) ? 10 : 0);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The pattern as a request line and its conditions: {@code DELETE /v2.1/servers/.* with status 202}. */
    @Override
    public String toString() {
        StringBuilder text = operation != null ? new StringBuilder("operation ").append(operation)
                : new StringBuilder(method == null ? "any method" : method).append(' ').append(path.pattern());
        if (status != null) {
            text.append(" with status ").append(status);
        }
        headers.forEach((name, value) -> text.append(" with header ").append(name).append(": ")
                .append(value.pattern()));
        if (body != null) {
            text.append(" with a body containing ").append(body.pattern());
        }
        return text.toString();
    }
}
