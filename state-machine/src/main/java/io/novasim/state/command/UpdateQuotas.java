package io.novasim.state.command;

import io.novasim.model.quota.QuotaResource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An admin's update of some of a project's quota limits in one service ({@code PUT /os-quota-sets/{id}} of Nova or
 * Cinder, {@code PUT /v2.0/quotas/{id}} of Neutron), by the service's names, in the order the request gave them (each
 * service checks them in that order and names the first it refuses).
 *
 * @param limits     each a limit of -1 (unlimited) or more; Nova's {@value #NETWORKS} may be named, and is refused
 * @param checkUsage whether a limit below what the project uses is refused: Nova's unless {@code force}, Neutron's
 *                   with {@code check_limit}, Cinder's always (for a resource the project had a limit of its own for)
 */
public record UpdateQuotas(String projectId, QuotaResource.Service service, Map<String, Integer> limits,
                           boolean checkUsage) implements Command {
    /** nova-network's quota, which Nova's schema still lets through so that its handler can refuse it. */
    public static final String NETWORKS = "networks";

    public UpdateQuotas {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(service, "service");
        for (Map.Entry<String, Integer> entry : limits.entrySet()) {
            boolean novaNetworks = service == QuotaResource.Service.COMPUTE && entry.getKey().equals(NETWORKS);
            if (!novaNetworks && QuotaResource.byKey(service, entry.getKey()).isEmpty()) {
                throw new IllegalArgumentException("no " + service + " quota resource " + entry.getKey());
            }
            if (Objects.requireNonNull(entry.getValue(), entry.getKey()) < QuotaResource.UNLIMITED) {
                throw new IllegalArgumentException("a quota limit is -1 or more: " + entry);
            }
        }
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** Nova's update: the usage is checked unless {@code force}. */
    public static UpdateQuotas compute(String projectId, Map<String, Integer> limits, boolean force) {
        return new UpdateQuotas(projectId, QuotaResource.Service.COMPUTE, limits, !force);
    }

    @Override
    public String serverId() {
        return null;
    }
}
