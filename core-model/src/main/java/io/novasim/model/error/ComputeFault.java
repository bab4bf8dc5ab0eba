package io.novasim.model.error;

/** An unexpected failure inside Nova. */
public final class ComputeFault extends ComputeException {
    public ComputeFault(String message) {
        super("computeFault", 500, message);
    }
}
