package io.novasim.model.error;

/**
 * Nova's texts for work that fails after it was accepted, as the instance action's event records them (never an HTTP
 * answer, so not a {@link Refusal}).
 */
public final class EventErrors {
    private EventErrors() {
    }

    /** A detach that failed in nova-compute; the failure's own message follows after a colon. */
    public static String interfaceDetachFailed(String serverId) {
        return "Failed to detach network adapter device from " + serverId;
    }

    /** A detach of a port that is not attached to the server. */
    public static String portNotAttached(String portId) {
        return "Port " + portId + " is not attached";
    }
}
