package io.novasim.http.network;

import io.novasim.http.support.Errors;
import io.novasim.http.support.Reply;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

/** A refusal in Neutron's dialect: the HTTP status, the exception type Neutron names and its message. */
final class NeutronError extends RuntimeException {
    private final Refusal refusal;

    /** {@code refusal}, with {@code args} in its message. */
    NeutronError(Refusal refusal, Object... args) {
        this(refusal, refusal.message(args));
    }

    private NeutronError(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    /** A refusal of Neutron's the engine made (as it makes every refusal): its id and message. */
    static NeutronError from(ComputeException refused) {
        return new NeutronError(refused.refusal(), refused.getMessage());
    }

    Reply reply() {
        return Errors.neutron(refusal, refusal.status(), refusal.faultName(), getMessage());
    }
}
