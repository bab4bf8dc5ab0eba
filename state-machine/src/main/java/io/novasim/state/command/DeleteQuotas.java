package io.novasim.state.command;

import java.util.Objects;

/** {@code DELETE /os-quota-sets/{project_id}} (admins): the project's limits go back to the defaults. */
public record DeleteQuotas(String projectId) implements Command {
    public DeleteQuotas {
        Objects.requireNonNull(projectId, "projectId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
