package io.novasim.state.command;

import io.novasim.model.quota.QuotaResource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code PUT /os-quota-sets/{project_id}} (admins): some of a project's quota limits, by Nova's names, in the order
 * the request gave them (Nova checks them in that order and names the first it refuses).
 *
 * @param limits each a limit of -1 (unlimited) or more; {@value #NETWORKS} may be named, and is refused
 * @param force  whether a limit may be set below what the project uses
 */
public record UpdateQuotas(String projectId, Map<String, Integer> limits, boolean force) implements Command {
    /** nova-network's quota, which Nova's schema still lets through so that its handler can refuse it. */
    public static final String NETWORKS = "networks";

    public UpdateQuotas {
        Objects.requireNonNull(projectId, "projectId");
        for (Map.Entry<String, Integer> entry : limits.entrySet()) {
            if (!entry.getKey().equals(NETWORKS) && QuotaResource.byKey(entry.getKey()).isEmpty()) {
                throw new IllegalArgumentException("no quota resource " + entry.getKey());
            }
            if (Objects.requireNonNull(entry.getValue(), entry.getKey()) < QuotaResource.UNLIMITED) {
                throw new IllegalArgumentException("a quota limit is -1 or more: " + entry);
            }
        }
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    @Override
    public String serverId() {
        return null;
    }
}
