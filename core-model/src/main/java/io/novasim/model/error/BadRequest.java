package io.novasim.model.error;

/** A 400: a request Nova rejects as malformed or invalid. */
public final class BadRequest extends ComputeException {
    BadRequest(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
