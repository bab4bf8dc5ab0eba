package io.novasim.model.network;

import java.util.Objects;

/**
 * An IPv4 subnet of a network. Fixed IPs are handed out from {@code allocationStart} to {@code allocationEnd}, lowest
 * free first, as Neutron's default allocation pool does (the gateway and the broadcast address are never handed out).
 */
public record Subnet(String id, String name, String networkId, String projectId, Ipv4Cidr cidr, String gatewayIp) {
    public Subnet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(cidr, "cidr");
    }

    public int ipVersion() {
        return 4;
    }
}
