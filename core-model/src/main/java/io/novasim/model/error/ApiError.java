package io.novasim.model.error;

/**
 * An error of a status without a class of its own (405, 406, 413, 415), or the error a fault rule answers with, whose
 * code, fault name and message are the rule's.
 */
public final class ApiError extends ComputeException {
    private final java.time.Duration retryAfter;

    ApiError(Refusal refusal, int code, String faultName, String message) {
        this(refusal, code, faultName, message, null);
    }

    private ApiError(Refusal refusal, int code, String faultName, String message, java.time.Duration retryAfter) {
        super(refusal, code, faultName, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The answer of a fault rule of type error: {@link Refusal#FAULT_RULE_ERROR}, with the rule's code, fault name and
     * message.
     */
    public static ApiError ofFaultRule(int code, String faultName, String message) {
        return ofFaultRule(code, faultName, message, null);
    }

    /** The same, telling the client to try again after {@code retryAfter} (null: no time told). */
    public static ApiError ofFaultRule(int code, String faultName, String message, java.time.Duration retryAfter) {
        return new ApiError(Refusal.FAULT_RULE_ERROR, code, faultName, Refusal.FAULT_RULE_ERROR.message(message),
                retryAfter);
    }
}
