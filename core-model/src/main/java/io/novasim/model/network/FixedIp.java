package io.novasim.model.network;

import java.util.Objects;

/** One address of a port, on one subnet. */
public record FixedIp(String subnetId, String ipAddress) {
    public FixedIp {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
