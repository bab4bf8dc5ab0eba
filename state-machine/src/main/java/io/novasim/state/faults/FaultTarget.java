package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

/**
 * One call as the fault plan sees it: the operation and what it acts on (unknown parts are {@code null}). A call of
 * Nova's has its {@link Operation}; a call of another service's API has that service and the operation's name there
 * ({@code get_volume}, {@code issue_token}), and no {@code operation}.
 */
public record FaultTarget(Operation operation, String serverId, String serverName, String projectId, String portId,
                          String volumeId, String imageId, Service service, String serviceOperation) {
    public FaultTarget {
        if ((operation == null) == (service == Service.COMPUTE)) {
            throw new IllegalArgumentException("a call of Nova has an operation; a call of another service has none");
        }
    }

    /** A call of Nova's. */
    public FaultTarget(Operation operation, String serverId, String serverName, String projectId, String portId,
                       String volumeId, String imageId) {
        this(operation, serverId, serverName, projectId, portId, volumeId, imageId, Service.COMPUTE, null);
    }

    public static FaultTarget server(Operation operation, String serverId, String serverName, String projectId) {
        return new FaultTarget(operation, serverId, serverName, projectId, null, null, null);
    }

    /** A call of another service's API: {@code volume}'s {@code get_volume} by a project. */
    public static FaultTarget apiCall(Service service, String operation, String projectId) {
        return new FaultTarget(null, null, null, projectId, null, null, null, service, operation);
    }

    /** The operation's name in the rule language: {@code detach_volume}, {@code get_volume}. */
    public String operationName() {
        return operation != null ? operation.name().toLowerCase(java.util.Locale.ROOT) : serviceOperation;
    }

    public FaultTarget withPort(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, id, volumeId, imageId, service,
                serviceOperation);
    }

    public FaultTarget withVolume(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, portId, id, imageId, service,
                serviceOperation);
    }

    public FaultTarget withImage(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, portId, volumeId, id, service,
                serviceOperation);
    }
}
