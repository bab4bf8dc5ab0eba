package io.novasim.model.error;

/**
 * Nova's error texts, letter for letter (nova-semantics.md §1.2, from {@code nova/exception.py} and
 * {@code nova/api/openstack/common.py}). Clients and tests match on these strings, so they live in one place.
 */
public final class NovaErrors {
    private NovaErrors() {
    }

    public static ItemNotFound instanceNotFound(String serverId) {
        return new ItemNotFound("Instance " + serverId + " could not be found.");
    }

    /**
     * The 409 for a server whose state forbids an action. {@code attribute} is {@code vm_state}, {@code task_state} or
     * {@code launched_at}; the state prints as Nova prints it ({@code None} for an idle task or a null launch time).
     */
    public static Conflict invalidState(String action, String serverId, String attribute, Object state) {
        return new Conflict("Cannot '" + action + "' instance " + serverId + " while it is in " + attribute + " "
                + (state == null ? "None" : state));
    }

    public static Conflict locked(String serverId) {
        return new Conflict("Instance " + serverId + " is locked");
    }

    public static Forbidden policyForbids(String rule) {
        return new Forbidden("Policy doesn't allow " + rule + " to be performed.");
    }

    public static BadRequest flavorNotFound(String flavorId) {
        return new BadRequest("Flavor " + flavorId + " could not be found.");
    }

    public static BadRequest imageNotFound() {
        return new BadRequest("Can not find requested image");
    }

    public static BadRequest noSuchAction(String action) {
        return new BadRequest("There is no such action: " + action);
    }

    public static BadRequest malformedBody() {
        return new BadRequest("Malformed request body");
    }

    public static BadRequest invalidInput(String field, Object value, String why) {
        return new BadRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". " + why);
    }

    public static ItemNotFound instanceActionNotFound(String requestId, String serverId) {
        return new ItemNotFound("Action for request_id " + requestId + " on instance " + serverId + " not found");
    }
}
