package io.novasim.model.error;

/**
 * An outcome the core refuses, carrying what Nova would answer: its fault name, HTTP code and exact message. The core
 * decides; an adapter renders ({@code {"<faultName>": {"code": ..., "message": ...}}} for the Nova dialect). The
 * static factories hold Nova's message texts so that no adapter has to spell them.
 */
public abstract sealed class ComputeException extends RuntimeException
        permits BadRequest, Forbidden, ItemNotFound, Conflict, ComputeFault, ServiceUnavailable, ApiError {

    private final String faultName;
    private final int code;

    protected ComputeException(String faultName, int code, String message) {
        super(message, null, false, false);
        this.faultName = faultName;
        this.code = code;
    }

    /** Nova's fault name: the key of the error body, e.g. {@code conflictingRequest}. */
    public String faultName() {
        return faultName;
    }

    /** The HTTP status Nova answers with. */
    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return code + " " + faultName + ": " + getMessage();
    }
}
