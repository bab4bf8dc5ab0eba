package io.novasim.http.support;

import io.novasim.model.error.ComputeException;

import java.util.Map;

/** The error bodies of the APIs the simulator speaks. */
public final class Errors {
    private Errors() {
    }

    /** Nova's fault body: {@code {"<faultName>": {"code": N, "message": "..."}}}, code first as Zed writes it. */
    public static Map<String, Object> novaFault(String faultName, int code, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("code", code);
        inner.put("message", message);
        return Json.object(faultName, inner);
    }

    public static Reply nova(ComputeException e) {
        return Reply.json(e.code(), novaFault(e.faultName(), e.code(), e.getMessage()));
    }

    /** keystonemiddleware's and Keystone's error body: {@code {"error": {"code", "title", "message"}}}. */
    public static Map<String, Object> keystone(int code, String title, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("code", code);
        inner.put("title", title);
        inner.put("message", message);
        return Json.object("error", inner);
    }

    public static Reply unauthorized() {
        return Reply.json(401, keystone(401, "Unauthorized", "The request you have made requires authentication."));
    }

    /** keystonemiddleware's 401, pointing the client at this server's Keystone ({@code base}, e.g. {@code http://host:port}). */
    public static Reply unauthorized(String base) {
        return unauthorized().withHeader("WWW-Authenticate", "Keystone uri=\"" + base + "/identity\"");
    }

    /** webob's 404 for a path no route matches, as JSON (Nova answers a wrong method the same way). */
    public static Reply noRoute() {
        Map<String, Object> body = Json.object();
        body.put("message", "The resource could not be found.<br /><br />\n\n\n");
        body.put("code", "404 Not Found");
        body.put("title", "Not Found");
        return Reply.json(404, body);
    }

    /** Neutron's error body: {@code {"NeutronError": {"type", "message", "detail"}}}. */
    public static Reply neutron(int status, String type, String message) {
        Map<String, Object> inner = Json.object();
        inner.put("type", type);
        inner.put("message", message);
        inner.put("detail", "");
        return Reply.json(status, Json.object("NeutronError", inner));
    }
}
