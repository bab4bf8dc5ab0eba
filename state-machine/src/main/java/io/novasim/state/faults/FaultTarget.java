package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

/** One call as the fault plan sees it: the operation and what it acts on (unknown parts are {@code null}). */
public record FaultTarget(Operation operation, String serverId, String serverName, String projectId, String portId,
                          String volumeId, String imageId) {
    public static FaultTarget server(Operation operation, String serverId, String serverName, String projectId) {
        return new FaultTarget(operation, serverId, serverName, projectId, null, null, null);
    }

    public FaultTarget withPort(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, id, volumeId, imageId);
    }

    public FaultTarget withVolume(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, portId, id, imageId);
    }

    public FaultTarget withImage(String id) {
        return new FaultTarget(operation, serverId, serverName, projectId, portId, volumeId, id);
    }
}
