package io.novasim.model.error;

/** An error with any code and fault name, as a fault plan may ask a simulated cloud to answer. */
public final class ApiError extends ComputeException {
    public ApiError(int code, String faultName, String message) {
        super(faultName, code, message);
    }
}
