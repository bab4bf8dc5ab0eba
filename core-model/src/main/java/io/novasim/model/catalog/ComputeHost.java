package io.novasim.model.catalog;

import java.util.Objects;

/**
 * A nova-compute host and its hypervisor, in an availability zone. Its capacity is that of Nova's fake virt driver
 * (1,000 vCPUs, 800,000 MiB, 600,000 GiB), so placement never runs out of room; the scheduler spreads servers over
 * the hosts of their zone.
 */
public record ComputeHost(String name, String availabilityZone) {
    /** The one host of a cloud whose setup names none. */
    public static final ComputeHost DEFAULT = new ComputeHost("novasim-compute-1", "nova");
    public static final int VCPUS = 1000;
    public static final int MEMORY_MB = 800_000;
    public static final int LOCAL_GB = 600_000;

    public ComputeHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a compute host needs a name");
        }
    }
}
