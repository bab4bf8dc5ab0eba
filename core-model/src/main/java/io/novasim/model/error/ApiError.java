package io.novasim.model.error;

/**
 * An error of a status without a class of its own (405, 406, 413, 415), or the error a fault rule answers with, whose
 * code, fault name and message are the rule's.
 */
public final class ApiError extends ComputeException {
    ApiError(Refusal refusal, int code, String faultName, String message) {
        super(refusal, code, faultName, message);
    }

    /**
     * The answer of a fault rule of type error: {@link Refusal#FAULT_RULE_ERROR}, with the rule's code, fault name and
     * message.
     */
    public static ApiError ofFaultRule(int code, String faultName, String message) {
        return new ApiError(Refusal.FAULT_RULE_ERROR, code, faultName,
                Refusal.FAULT_RULE_ERROR.message(message));
    }
}
