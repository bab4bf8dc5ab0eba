package io.novasim.model.error;

/** A request Nova cannot serve right now. */
public final class ServiceUnavailable extends ComputeException {
    public ServiceUnavailable(String message) {
        super("serviceUnavailable", 503, message);
    }
}
