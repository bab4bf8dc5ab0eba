package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code POST /v2.0/security-group-rules}; see {@link io.novasim.model.network.SecurityGroupRule}. */
public record CreateSecurityGroupRule(String groupId, String direction, String ethertype, String protocol,
                                      Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix,
                                      String remoteGroupId, String description) implements Command {
    public CreateSecurityGroupRule {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ethertype, "ethertype");
    }

    @Override
    public String serverId() {
        return null;
    }
}
