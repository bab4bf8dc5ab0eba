package io.novasim.model.catalog;

import java.util.Objects;

/** A Keystone user. Credentials and role assignments belong to the identity adapter, not to the core. */
public record User(String id, String name, String domainId) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domainId, "domainId");
    }
}
