package io.novasim.state.command;

import java.util.Objects;

/** Neutron's {@code DELETE /v2.0/security-group-rules/{id}}. */
public record DeleteSecurityGroupRule(String ruleId) implements Command {
    public DeleteSecurityGroupRule {
        Objects.requireNonNull(ruleId, "ruleId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
