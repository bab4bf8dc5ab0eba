package io.novasim.model.error;

/** A request that the server's current state does not allow. */
public final class Conflict extends ComputeException {
    public Conflict(String message) {
        super("conflictingRequest", 409, message);
    }
}
