package io.novasim.model.error;

/** A request Nova rejects as malformed or invalid. */
public final class BadRequest extends ComputeException {
    public BadRequest(String message) {
        super("badRequest", 400, message);
    }
}
