package io.novasim.state.command;

import java.util.Objects;

/** Who sends a command: a user acting in a project, with or without the admin role. */
public record Caller(String userId, String projectId, boolean admin) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
    }

    /** Whether this caller may see resources of that project (admins see every project, as Nova's policy allows). */
    public boolean canSee(String ownerProjectId) {
        return admin || projectId.equals(ownerProjectId);
    }
}
