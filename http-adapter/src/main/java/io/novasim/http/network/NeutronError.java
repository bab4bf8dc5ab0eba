package io.novasim.http.network;

import io.novasim.http.support.Errors;
import io.novasim.http.support.Reply;

/** A refusal in Neutron's dialect: the HTTP status, the exception type Neutron names and its message. */
final class NeutronError extends RuntimeException {
    private final int status;
    private final String type;

    NeutronError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** {@code PortNotFound: Port <id> could not be found.}, and the same for networks and subnets. */
    static NeutronError notFound(String kind, String id) {
        return new NeutronError(404, kind + "NotFound", kind + " " + id + " could not be found.");
    }

    /** A body Neutron's API layer rejects before any plugin sees it. */
    static NeutronError badRequest(String message) {
        return new NeutronError(400, "HTTPBadRequest", message);
    }

    static NeutronError invalidInput(String message) {
        return new NeutronError(400, "InvalidInput", "Invalid input for operation: " + message);
    }

    Reply reply() {
        return Errors.neutron(status, type, getMessage());
    }
}
