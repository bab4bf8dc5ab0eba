package io.novasim.model.error;

/** A 404: a request for something that does not exist or that the caller may not see. */
public final class ItemNotFound extends ComputeException {
    ItemNotFound(Refusal refusal, String message) {
        super(refusal, refusal.status(), refusal.faultName(), message);
    }
}
