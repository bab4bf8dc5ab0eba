package io.novasim.model.error;

/** A request that policy forbids. */
public final class Forbidden extends ComputeException {
    public Forbidden(String message) {
        super("forbidden", 403, message);
    }
}
