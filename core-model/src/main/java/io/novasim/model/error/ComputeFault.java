package io.novasim.model.error;

/** A 500: an unexpected failure inside Nova. */
public final class ComputeFault extends ComputeException {
    ComputeFault(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
