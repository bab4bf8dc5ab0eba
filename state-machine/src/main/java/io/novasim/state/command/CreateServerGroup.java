package io.novasim.state.command;

import java.util.Objects;

/** {@code POST /os-server-groups}. @param maxServerPerHost the anti-affinity rule (2.64), or {@code null} */
public record CreateServerGroup(String name, String policy, Integer maxServerPerHost) implements Command {
    public CreateServerGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String serverId() {
        return null;
    }
}
