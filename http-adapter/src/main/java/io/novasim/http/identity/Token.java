package io.novasim.http.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An issued Keystone token: who, scoped to which project (or none), with which roles, until when. */
public record Token(String id, String userId, String projectId, Set<String> roles, List<String> methods,
                    Instant issuedAt, Instant expiresAt) {
    public Token {
        roles = Set.copyOf(roles);
        methods = List.copyOf(methods);
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    public boolean scoped() {
        return projectId != null;
    }
}
