package io.novasim.http.image;

import io.novasim.http.support.Errors;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;

/** A refusal in Glance's dialect: webob's error, as JSON ({@code {"message", "code": "404 Not Found", "title"}}). */
final class GlanceError extends RuntimeException {
    private final Refusal refusal;

    /** {@code refusal}, with {@code args} in its message. */
    GlanceError(Refusal refusal, Object... args) {
        super(refusal.message(args), null, false, false);
        this.refusal = refusal;
    }

    Reply reply() {
        return Errors.webob(refusal, getMessage());
    }
}
