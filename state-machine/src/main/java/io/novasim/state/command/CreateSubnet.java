package io.novasim.state.command;

import java.util.Objects;

/**
 * Neutron's {@code POST /v2.0/subnets} of an IPv4 block.
 *
 * @param gatewayIp    the gateway, {@code null} for none, when {@code gatewayGiven}; else the block's first address
 * @param projectId    the owner, or {@code null} for the caller's project
 */
public record CreateSubnet(String networkId, String name, String cidr, String gatewayIp, boolean gatewayGiven,
                           String projectId) implements Command {
    public CreateSubnet {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
    }

    @Override
    public String serverId() {
        return null;
    }
}
