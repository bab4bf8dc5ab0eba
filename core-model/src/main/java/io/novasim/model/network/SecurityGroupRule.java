package io.novasim.model.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule of a Neutron security group.
 *
 * @param direction      {@code ingress} or {@code egress}
 * @param ethertype      {@code IPv4} or {@code IPv6}
 * @param protocol       {@code tcp}, {@code udp}, {@code icmp}, a number, or {@code null} for any
 * @param portRangeMin   the first port (or ICMP type), or {@code null}
 * @param portRangeMax   the last port (or ICMP code), or {@code null}
 * @param remoteIpPrefix the addresses it admits, or {@code null}
 * @param remoteGroupId  the group whose members it admits, or {@code null}
 */
public record SecurityGroupRule(String id, String securityGroupId, String projectId, String direction,
                                String ethertype, String protocol, Integer portRangeMin, Integer portRangeMax,
                                String remoteIpPrefix, String remoteGroupId, String description, Instant created) {
    public SecurityGroupRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(securityGroupId, "securityGroupId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ethertype, "ethertype");
    }

    /** Whether it admits the same traffic as {@code other} (Neutron refuses a second such rule). */
    public boolean sameAs(SecurityGroupRule other) {
        return direction.equals(other.direction) && ethertype.equals(other.ethertype)
                && Objects.equals(protocol, other.protocol) && Objects.equals(portRangeMin, other.portRangeMin)
                && Objects.equals(portRangeMax, other.portRangeMax)
                && Objects.equals(remoteIpPrefix, other.remoteIpPrefix)
                && Objects.equals(remoteGroupId, other.remoteGroupId);
    }
}
