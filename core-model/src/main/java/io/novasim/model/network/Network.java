package io.novasim.model.network;

import java.util.Objects;

/** A Neutron network. A non-admin may use the networks of its project and the shared ones. */
public record Network(String id, String name, String projectId, boolean shared, boolean external, int mtu) {
    public Network {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
    }

    public boolean usableBy(String project) {
        return shared || projectId.equals(project);
    }
}
