package io.novasim.model.server;

/**
 * Why and by whom a server is locked. Nova remembers whether the owner or an admin locked it, because only an admin
 * may lift an admin's lock.
 */
public record ServerLock(LockedBy lockedBy, String reason) {
    /** Whose lock it is: an owner's lock does not stop an admin. */
    public enum LockedBy { OWNER, ADMIN }

    public ServerLock {
        java.util.Objects.requireNonNull(lockedBy, "lockedBy");
    }
}
