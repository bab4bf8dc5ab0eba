package io.novasim.http.identity;

import io.novasim.state.command.Caller;

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

    /** Who the core sees acting: this token's user, in its project, with its admin role or without. */
    public Caller caller() {
        return new Caller(userId, projectId, admin());
    }

    public boolean scoped() {
        return projectId != null;
    }
}
