package io.novasim.model.server;

import java.util.List;
import java.util.Objects;

/**
 * A Nova server group: servers the scheduler keeps together ({@code affinity}) or apart ({@code anti-affinity}), or
 * prefers to ({@code soft-affinity}, {@code soft-anti-affinity}).
 *
 * @param maxServerPerHost the anti-affinity rule (2.64), or {@code null} for one server a host
 * @param members          the servers booted into it, in boot order
 */
public record ServerGroup(String id, String name, String policy, Integer maxServerPerHost, String projectId,
                          String userId, List<String> members) {
    public static final List<String> POLICIES = List.of("anti-affinity", "affinity", "soft-anti-affinity",
            "soft-affinity");

    public ServerGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        members = List.copyOf(members);
    }

    public ServerGroup withMembers(List<String> newMembers) {
        return new ServerGroup(id, name, policy, maxServerPerHost, projectId, userId, newMembers);
    }
}
