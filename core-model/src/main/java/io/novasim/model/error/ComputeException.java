package io.novasim.model.error;

/**
 * An outcome the core refuses, carrying what Nova would answer: its {@link Refusal} id, fault name, HTTP code and exact
 * message. The core decides; an adapter renders ({@code {"<faultName>": {"code": ..., "message": ...}}} for the Nova
 * dialect). Only {@link Refusal#exception} and {@link ApiError#ofFaultRule} make one, so every text is the catalog's.
 */
public abstract sealed class ComputeException extends RuntimeException
        permits BadRequest, Forbidden, ItemNotFound, Conflict, ComputeFault, ServiceUnavailable, ApiError {

    private final Refusal refusal;
    private final String faultName;
    private final int code;
    /** Set once, by whoever refused: which rule fired and why; see {@link #explanation()}. */
    private String explanation;

    ComputeException(Refusal refusal, int code, String faultName, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
        this.faultName = faultName;
        this.code = code;
    }

    /** Which refusal this is: the id the request journal, transcripts and dialects know it by. */
    public Refusal refusal() {
        return refusal;
    }

    /** Nova's fault name: the key of the error body, e.g. {@code conflictingRequest}. */
    public String faultName() {
        return faultName;
    }

    /** The HTTP status Nova answers with. */
    public int code() {
        return code;
    }

    /**
     * How long the client is told to wait before it tries again (the {@code Retry-After} header), or null when the
     * answer tells no time.
     */
    public java.time.Duration retryAfter() {
        return null;
    }

    /**
     * Says which rule refused and why, for people reading a transcript or a log (never sent to clients: Nova's body
     * is {@link #getMessage()}). Only the first explanation counts: the closest to the rule is the most precise.
     *
     * @param text e.g. {@code detach_interface refused: task_state rebooting is not None (rule: task_state must be
     *             None)}
     * @return this exception
     */
    public ComputeException explainedAs(String text) {
        if (explanation == null) {
            explanation = text;
        }
        return this;
    }

    /**
     * Names what was refused, once it is known: {@code <what> refused: } before an explanation that lacks it, or
     * before the message and a generic rule when nobody explained.
     *
     * @param what the operation or request, e.g. {@code detach_interface} or {@code GET /v2.1/servers/x}
     * @return this exception
     */
    public ComputeException refusing(String what) {
        if (explanation == null) {
            explanation = getMessage() + " (rule: the API answers " + code + " " + faultName + " here)";
        }
        if (!explanation.contains(" refused: ")) {
            explanation = what + " refused: " + explanation;
        }
        return this;
    }

    /**
     * Which rule refused and why, as {@link #explainedAs} set it.
     *
     * @return the explanation, or null when nobody gave one
     */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return code + " " + faultName + ": " + getMessage();
    }
}
