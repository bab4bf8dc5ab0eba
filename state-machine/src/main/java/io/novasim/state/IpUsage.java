package io.novasim.state;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.network.FixedIp;
import io.novasim.model.network.Subnet;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/** Which fixed IPs of each subnet are taken, kept up to date as ports come and go, so allocation never scans ports. */
final class IpUsage {
    /** The current catalog: the subnets change as users create and delete them. */
    private final java.util.function.Supplier<Catalog> catalog;
    private final Map<String, BitSet> taken = new HashMap<>();

    IpUsage(java.util.function.Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    /** Makes this usage the other's (each subnet's bits copied). */
    void copyFrom(IpUsage other) {
        taken.clear();
        other.taken.forEach((subnet, bits) -> taken.put(subnet, (BitSet) bits.clone()));
    }

    /** Whether any address of the subnet is taken. */
    boolean inUse(String subnetId) {
        BitSet bits = taken.get(subnetId);
        return bits != null && !bits.isEmpty();
    }

    void take(FixedIp ip) {
        offset(ip).ifPresent(o -> taken.computeIfAbsent(ip.subnetId(), k -> new BitSet()).set(o));
    }

    void free(FixedIp ip) {
        offset(ip).ifPresent(o -> {
            BitSet bits = taken.get(ip.subnetId());
            if (bits != null) {
                bits.clear(o);
            }
        });
    }

    boolean isTaken(Subnet subnet, String address) {
        BitSet bits = taken.get(subnet.id());
        return bits != null && bits.get(subnet.cidr().offsetOf(address));
    }

    /** The lowest free offset from {@code from} on, or -1 past the end of the block. */
    int nextFree(Subnet subnet, int from) {
        BitSet bits = taken.get(subnet.id());
        int offset = bits == null ? from : bits.nextClearBit(from);
        return offset < subnet.cidr().size() ? offset : -1;
    }

    /** A plan over the addresses as they are now: addresses it takes are taken for it alone, until it is dropped. */
    Draft draft() {
        return new Draft();
    }

    /** Addresses planned but not yet bound (a multi-create's, one server after another); the usage is unchanged. */
    final class Draft {
        /** Copies of the subnets' bits this plan has taken from, made on first use. */
        private final Map<String, BitSet> planned = new HashMap<>();

        boolean isTaken(Subnet subnet, String address) {
            BitSet bits = planned.get(subnet.id());
            return bits != null ? bits.get(subnet.cidr().offsetOf(address)) : IpUsage.this.isTaken(subnet, address);
        }

        int nextFree(Subnet subnet, int from) {
            BitSet bits = planned.get(subnet.id());
            if (bits == null) {
                return IpUsage.this.nextFree(subnet, from);
            }
            int offset = bits.nextClearBit(from);
            return offset < subnet.cidr().size() ? offset : -1;
        }

        void take(Subnet subnet, String address) {
            planned.computeIfAbsent(subnet.id(), id -> {
                BitSet now = taken.get(id);
                return now == null ? new BitSet() : (BitSet) now.clone();
            }).set(subnet.cidr().offsetOf(address));
        }
    }

    private java.util.Optional<Integer> offset(FixedIp ip) {
        return catalog.get().subnet(ip.subnetId()).map(s -> s.cidr().offsetOf(ip.ipAddress()));
    }
}
