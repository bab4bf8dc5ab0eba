package io.novasim.state.command;

import io.novasim.model.quota.QuotaResource;

import java.util.Objects;

/** An admin's delete of a project's quota limits in one service: they go back to the defaults. */
public record DeleteQuotas(String projectId, QuotaResource.Service service) implements Command {
    public DeleteQuotas {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(service, "service");
    }

    @Override
    public String serverId() {
        return null;
    }
}
