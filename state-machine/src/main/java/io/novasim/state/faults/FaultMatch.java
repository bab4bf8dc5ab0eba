package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which calls a fault rule looks at: the calls of one {@code service} (Nova's when not told otherwise), and of those
 * the ones every criterion that is set holds for. A match with no criteria matches every call of its service.
 *
 * @param service           the service whose calls it matches
 * @param operations        Nova's operations, or empty for any (Nova only)
 * @param serviceOperations another service's operations by name ({@code get_volume}), or empty for any
 * @param serverName        a regular expression the whole server name must match, or {@code null}
 */
public record FaultMatch(Service service, Set<Operation> operations, Set<String> serviceOperations, String serverId,
                         Pattern serverName, String projectId, String portId, String volumeId, String imageId,
                         RouteMatch route) {
    /** A match of calls, not of a route. */
    public FaultMatch(Service service, Set<Operation> operations, Set<String> serviceOperations, String serverId,
                      Pattern serverName, String projectId, String portId, String volumeId, String imageId) {
        this(service, operations, serviceOperations, serverId, serverName, projectId, portId, volumeId, imageId, null);
    }

    public FaultMatch {
        Objects.requireNonNull(service, "service");
        // In enum order, not Set.copyOf's: that order changes from one JVM to the next, and listings must not.
        operations = operations.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(
                java.util.EnumSet.copyOf(operations));
        serviceOperations = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(serviceOperations));
        if (service != Service.COMPUTE && !operations.isEmpty()) {
            throw new IllegalArgumentException("Nova's operations are matched on the compute service, not "
                    + service.jsonName());
        }
        if (service != Service.COMPUTE && (serverId != null || serverName != null || portId != null || volumeId != null
                || imageId != null)) {
            throw new IllegalArgumentException("server_id, server_name, port_id, volume_id and image_id are of Nova's "
                    + "calls; a rule on " + service.jsonName() + " matches by operations and project_id");
        }
                if (service == Service.COMPUTE && !serviceOperations.isEmpty()) {
            throw new IllegalArgumentException("the compute service's operations are Nova's: " + serviceOperations);
        }
        if (route != null && !(service == Service.COMPUTE && operations.isEmpty() && serverId == null
                && serverName == null && projectId == null && portId == null && volumeId == null && imageId == null)) {
            throw new IllegalArgumentException("a route match stands alone: it takes no service, operations or ids");
        }
    }

    /** The requests to a route, whatever API: what an override answers. */
    public static FaultMatch route(RouteMatch route) {
        return new FaultMatch(Service.COMPUTE, Set.of(), Set.of(), null, null, null, null, null, null, route);
    }

    /** A match of Nova's calls. */
    public FaultMatch(Set<Operation> operations, String serverId, Pattern serverName, String projectId, String portId,
                      String volumeId, String imageId) {
        this(Service.COMPUTE, operations, Set.of(), serverId, serverName, projectId, portId, volumeId, imageId);
    }

    /** Every call of Nova's. */
    public static FaultMatch any() {
        return new FaultMatch(Set.of(), null, null, null, null, null, null);
    }

    public static FaultMatch operation(Operation... operations) {
        return any().withOperations(Set.of(operations));
    }

    /** Every call of a service: with an outage effect, the whole service is down. */
    public static FaultMatch service(Service service) {
        return new FaultMatch(service, Set.of(), Set.of(), null, null, null, null, null, null);
    }

    /** Calls of another service's API by operation name: {@code apiCalls(Service.VOLUME, "get_volume")}. */
    public static FaultMatch apiCalls(Service service, String... operations) {
        return new FaultMatch(service, Set.of(), Set.of(operations), null, null, null, null, null, null);
    }

    /**
     * The calls with this call's operation and every one of its known targets: the server (by name while a create has
     * no id yet), the project, the port, the volume and the image. A fault sweep aims at one recorded call with it.
     *
     * @param call a call as the fault plan saw it
     * @return a match of that call and of calls like it
     */
    public static FaultMatch like(FaultTarget call) {
        return new FaultMatch(call.service(), call.operation() == null ? Set.of() : Set.of(call.operation()),
                call.serviceOperation() == null ? Set.of() : Set.of(call.serviceOperation()), call.serverId(),
                call.serverId() == null && call.serverName() != null ? Pattern.compile(Pattern.quote(call.serverName()))
                        : null,
                call.projectId(), call.portId(), call.volumeId(), call.imageId());
    }

    public FaultMatch withOperations(Set<Operation> ops) {
        return new FaultMatch(service, ops, serviceOperations, serverId, serverName, projectId, portId, volumeId,
                imageId);
    }

    public FaultMatch onServer(String id) {
        return new FaultMatch(service, operations, serviceOperations, id, serverName, projectId, portId, volumeId,
                imageId);
    }

    public FaultMatch onServerNamed(String regex) {
        return new FaultMatch(service, operations, serviceOperations, serverId, Pattern.compile(regex), projectId,
                portId, volumeId, imageId);
    }

    public FaultMatch inProject(String id) {
        return new FaultMatch(service, operations, serviceOperations, serverId, serverName, id, portId, volumeId,
                imageId);
    }

    public FaultMatch onPort(String id) {
        return new FaultMatch(service, operations, serviceOperations, serverId, serverName, projectId, id, volumeId,
                imageId);
    }

    public FaultMatch onVolume(String id) {
        return new FaultMatch(service, operations, serviceOperations, serverId, serverName, projectId, portId, id,
                imageId);
    }

    public FaultMatch onImage(String id) {
        return new FaultMatch(service, operations, serviceOperations, serverId, serverName, projectId, portId,
                volumeId, id);
    }

    /** Whether it names no call in particular: every call of its service (what an outage takes). */
    public boolean wholeService() {
        return operations.isEmpty() && serviceOperations.isEmpty() && serverId == null && serverName == null
                && projectId == null && portId == null && volumeId == null && imageId == null && route == null;
    }

    public boolean matches(FaultTarget call) {
        return route == null && service == call.service()
                && (operations.isEmpty() || operations.contains(call.operation()))
                && (serviceOperations.isEmpty() || serviceOperations.contains(call.serviceOperation()))
                && (serverId == null || serverId.equals(call.serverId()))
                && (serverName == null || (call.serverName() != null && serverName.matcher(call.serverName()).matches()))
                && (projectId == null || projectId.equals(call.projectId()))
                && (portId == null || portId.equals(call.portId()))
                && (volumeId == null || volumeId.equals(call.volumeId()))
                && (imageId == null || imageId.equals(call.imageId()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultMatch m && service == m.service && operations.equals(m.operations)
                && serviceOperations.equals(m.serviceOperations) && Objects.equals(serverId, m.serverId)
                && Objects.equals(pattern(serverName), pattern(m.serverName)) && Objects.equals(projectId, m.projectId)
                && Objects.equals(portId, m.portId) && Objects.equals(volumeId, m.volumeId)
                && Objects.equals(imageId, m.imageId) && Objects.equals(route, m.route);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, operations, serviceOperations, serverId, pattern(serverName), projectId, portId,
                volumeId, imageId, route);
    }

    private static String pattern(Pattern p) {
        return p == null ? null : p.pattern();
    }
}
