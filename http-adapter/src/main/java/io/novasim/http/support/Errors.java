package io.novasim.http.support;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.Map;

/** The error bodies of the APIs the simulator speaks, each filled from a {@link Refusal}. */
public final class Errors {
    private Errors() {
    }

    /** Nova's fault body: {@code {"<faultName>": {"code": N, "message": "..."}}}, code first as Zed writes it. */
    private static Map<String, Object> novaFault(String faultName, int code, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("code", code);
        inner.put("message", message);
        return Json.object(faultName, inner);
    }

    /** A refusal of the core in Nova's (and Cinder's) fault shape. */
    public static Reply nova(ComputeException e) {
        return Reply.json(e.code(), novaFault(e.faultName(), e.code(), e.getMessage())).refusing(e.refusal());
    }

    /** A wait as the {@code Retry-After} header gives it: whole seconds, rounded up (RFC 9110). */
    public static String retryAfterSeconds(java.time.Duration wait) {
        return String.valueOf((wait.toMillis() + 999) / 1000);
    }

    /** The reply with the {@code Retry-After} header a refusal tells (a fault rule's error may), else as it is. */
    public static Reply retryAfter(Reply reply, ComputeException refused) {
        return refused.retryAfter() == null ? reply
                : reply.withHeader("Retry-After", retryAfterSeconds(refused.retryAfter()));
    }

    /**
     * Whether a fault of this code carries the wait in its body too, as {@code retryAfter}: Nova does so for 413 and
     * 429 only, as a string (nova/api/openstack/wsgi.py, {@code Fault.__call__}).
     */
    public static boolean retryAfterInBody(int code) {
        return code == 413 || code == 429;
    }

    /** keystonemiddleware's and Keystone's error body: {@code {"error": {"code", "title", "message"}}}. */
    private static Map<String, Object> keystoneBody(int code, String title, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("code", code);
        inner.put("title", title);
        inner.put("message", message);
        return Json.object("error", inner);
    }

    /** A refusal of Keystone's shape, with {@code args} in its message. */
    public static Reply keystone(Refusal refusal, Object... args) {
        return Reply.json(refusal.status(), keystoneBody(refusal.status(), refusal.faultName(),
                refusal.message(args))).refusing(refusal);
    }

    /** A refusal of the core (a body that is no JSON) in Keystone's shape, under webob's {@code title}. */
    public static Reply keystone(ComputeException refused, String title) {
        return Reply.json(refused.code(), keystoneBody(refused.code(), title, refused.getMessage()))
                .refusing(refused.refusal());
    }

    public static Reply unauthorized() {
        return keystone(Refusal.UNAUTHORIZED);
    }

    /** keystonemiddleware's 401, pointing the client at this server's Keystone ({@code base}, e.g. {@code http://host:port}). */
    public static Reply unauthorized(String base) {
        return unauthorized().withHeader("WWW-Authenticate", "Keystone uri=\"" + base + "/identity\"");
    }

    /**
     * webob's error as JSON (Glance's errors, and Nova's 404 for a path no route matches):
     * {@code {"message", "code": "404 Not Found", "title"}}, the refusal's fault name being the title.
     */
    public static Reply webob(Refusal refusal, String message) {
        Map<String, Object> body = Json.object();
        body.put("message", message);
        body.put("code", refusal.status() + " " + refusal.faultName());
        body.put("title", refusal.faultName());
        return Reply.json(refusal.status(), body).refusing(refusal);
    }

    /** {@code refusal} with {@code args} in its message, in the body its {@link Refusal.Body} names. */
    public static Reply of(Refusal refusal, Object... args) {
        String message = refusal.message(args);
        return switch (refusal.body()) {
            case FAULT -> Reply.json(refusal.status(), novaFault(refusal.faultName(), refusal.status(), message))
                    .refusing(refusal);
            case NEUTRON -> neutron(refusal, refusal.status(), refusal.faultName(), message);
            case KEYSTONE -> keystone(refusal, args);
            case WEBOB -> webob(refusal, message);
            case TEXT -> Reply.json(refusal.status(), message).refusing(refusal); // a String body is sent as text
        };
    }

    /** webob's 404 for a path no route matches (Nova answers a wrong method the same way). */
    public static Reply noRoute() {
        return webob(Refusal.NO_ROUTE, Refusal.NO_ROUTE.message());
    }

    /**
     * Neutron's error body, {@code {"NeutronError": {"type", "message", "detail"}}}, for {@code refusal}: Neutron's
     * own (whose fault name is the type), or another API's answered in Neutron's shape under a type of webob's.
     */
    public static Reply neutron(Refusal refusal, int status, String type, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("type", type);
        inner.put("message", message);
        inner.put("detail", "");
        return Reply.json(status, Json.object("NeutronError", inner)).refusing(refusal);
    }

    /**
     * What a client gets from a service that is down: HAProxy's own 503 page, as the load balancer in front of every
     * OpenStack API answers when no server is behind it (keystoneauth reports it as {@code ServiceUnavailable}).
     */
    public static Reply serviceDown() {
        return Reply.json(503, "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this "
                + "request.\n</body></html>\n").withHeader("Cache-Control", "no-cache")
                .withHeader("Content-Type", "text/html").refusing(Refusal.SERVICE_DOWN);
    }

    /** The reason phrase of an HTTP status, as webob and Keystone title their errors. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    /** An error a fault rule answers with, in webob's shape (Glance's): its message, {@code "503 Service Unavailable"}. */
    public static Reply webob(int status, String message, Refusal refusal) {
        Map<String, Object> body = Json.object();
        body.put("message", message);
        body.put("code", status + " " + reasonPhrase(status));
        body.put("title", reasonPhrase(status));
        return Reply.json(status, body).refusing(refusal);
    }
}
