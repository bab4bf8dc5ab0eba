package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which calls a fault rule looks at. Every criterion that is set must hold; an empty match matches every call.
 *
 * @param operations  the operations, or empty for any
 * @param serverName  a regular expression the whole server name must match, or {@code null}
 */
public record FaultMatch(Set<Operation> operations, String serverId, Pattern serverName, String projectId,
                         String portId, String volumeId, String imageId) {
    public FaultMatch {
        // In enum order, not Set.copyOf's: that order changes from one JVM to the next, and listings must not.
        operations = operations.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(
                java.util.EnumSet.copyOf(operations));
    }

    public static FaultMatch any() {
        return new FaultMatch(Set.of(), null, null, null, null, null, null);
    }

    public static FaultMatch operation(Operation... operations) {
        return any().withOperations(Set.of(operations));
    }

    /**
     * The calls with this call's operation and every one of its known targets: the server (by name while a create has
     * no id yet), the project, the port, the volume and the image. A fault sweep aims at one recorded call with it.
     *
     * @param call a call as the fault plan saw it
     * @return a match of that call and of calls like it
     */
    public static FaultMatch like(FaultTarget call) {
        return new FaultMatch(Set.of(call.operation()), call.serverId(),
                call.serverId() == null && call.serverName() != null ? Pattern.compile(Pattern.quote(call.serverName()))
                        : null,
                call.projectId(), call.portId(), call.volumeId(), call.imageId());
    }

    public FaultMatch withOperations(Set<Operation> ops) {
        return new FaultMatch(ops, serverId, serverName, projectId, portId, volumeId, imageId);
    }

    public FaultMatch onServer(String id) {
        return new FaultMatch(operations, id, serverName, projectId, portId, volumeId, imageId);
    }

    public FaultMatch onServerNamed(String regex) {
        return new FaultMatch(operations, serverId, Pattern.compile(regex), projectId, portId, volumeId, imageId);
    }

    public FaultMatch inProject(String id) {
        return new FaultMatch(operations, serverId, serverName, id, portId, volumeId, imageId);
    }

    public FaultMatch onPort(String id) {
        return new FaultMatch(operations, serverId, serverName, projectId, id, volumeId, imageId);
    }

    public FaultMatch onVolume(String id) {
        return new FaultMatch(operations, serverId, serverName, projectId, portId, id, imageId);
    }

    public FaultMatch onImage(String id) {
        return new FaultMatch(operations, serverId, serverName, projectId, portId, volumeId, id);
    }

    public boolean matches(FaultTarget call) {
        return (operations.isEmpty() || operations.contains(call.operation()))
                && (serverId == null || serverId.equals(call.serverId()))
                && (serverName == null || (call.serverName() != null && serverName.matcher(call.serverName()).matches()))
                && (projectId == null || projectId.equals(call.projectId()))
                && (portId == null || portId.equals(call.portId()))
                && (volumeId == null || volumeId.equals(call.volumeId()))
                && (imageId == null || imageId.equals(call.imageId()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultMatch m && operations.equals(m.operations) && Objects.equals(serverId, m.serverId)
                && Objects.equals(pattern(serverName), pattern(m.serverName)) && Objects.equals(projectId, m.projectId)
                && Objects.equals(portId, m.portId) && Objects.equals(volumeId, m.volumeId)
                && Objects.equals(imageId, m.imageId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operations, serverId, pattern(serverName), projectId, portId, volumeId, imageId);
    }

    private static String pattern(Pattern p) {
        return p == null ? null : p.pattern();
    }
}
