package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code POST /servers/{id}/os-interface}: attach an existing port, or a new port on a network (with one fixed IP
 * if given), or, with neither, a new port on the one network the project can use.
 */
public record AttachInterface(String serverId, String portId, String networkId, String fixedIp, String tag)
        implements Command {
    public AttachInterface {
        Objects.requireNonNull(serverId, "serverId");
    }

    public static AttachInterface port(String serverId, String portId) {
        return new AttachInterface(serverId, portId, null, null, null);
    }

    public static AttachInterface network(String serverId, String networkId) {
        return new AttachInterface(serverId, null, networkId, null, null);
    }
}
