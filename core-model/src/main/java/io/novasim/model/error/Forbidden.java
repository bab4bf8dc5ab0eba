package io.novasim.model.error;

/** A 403: a request that policy forbids. */
public final class Forbidden extends ComputeException {
    Forbidden(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
