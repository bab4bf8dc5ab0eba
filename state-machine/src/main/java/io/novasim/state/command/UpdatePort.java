package io.novasim.state.command;

import java.util.List;
import java.util.Objects;

/**
 * Neutron's {@code PUT /v2.0/ports/{id}} of the attributes the simulator keeps: each {@code null} one stays as it is.
 *
 * @param securityGroupIds the groups the port is to be in (empty: none)
 */
public record UpdatePort(String portId, String name, String description, List<String> securityGroupIds)
        implements Command {
    public UpdatePort {
        Objects.requireNonNull(portId, "portId");
        securityGroupIds = securityGroupIds == null ? null : List.copyOf(securityGroupIds);
    }

    /** A rename alone. */
    public static UpdatePort rename(String portId, String name) {
        return new UpdatePort(portId, name, null, null);
    }

    @Override
    public String serverId() {
        return null;
    }
}
