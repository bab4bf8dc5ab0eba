package io.novasim.http.image;

import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;

import java.util.Map;

/** A refusal in Glance's dialect: webob's error, as JSON ({@code {"message", "code": "404 Not Found", "title"}}). */
final class GlanceError extends RuntimeException {
    private final int status;
    private final String title;

    GlanceError(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    static GlanceError notFound(String message) {
        return new GlanceError(404, "Not Found", message);
    }

    static GlanceError badRequest(String message) {
        return new GlanceError(400, "Bad Request", message);
    }

    Reply reply() {
        Map<String, Object> body = Json.object();
        body.put("message", getMessage());
        body.put("code", status + " " + title);
        body.put("title", title);
        return Reply.json(status, body);
    }
}
