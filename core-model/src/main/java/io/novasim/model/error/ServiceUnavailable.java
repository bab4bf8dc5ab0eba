package io.novasim.model.error;

/** A 503: a request Nova cannot serve right now. */
public final class ServiceUnavailable extends ComputeException {
    ServiceUnavailable(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
