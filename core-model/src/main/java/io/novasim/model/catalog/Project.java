package io.novasim.model.catalog;

import java.util.Objects;

/** A Keystone project (Nova's "tenant"): the owner of servers and the unit of isolation. */
public record Project(String id, String name, String domainId) {
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domainId, "domainId");
    }
}
