package io.novasim.model.error;

/** A 409: a request that the server's current state does not allow. */
public final class Conflict extends ComputeException {
    Conflict(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
