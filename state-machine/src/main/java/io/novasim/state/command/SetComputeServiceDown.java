package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code PUT /os-services/{id}} with {@code forced_down} (admins, 2.11): a host's nova-compute marked down, so nothing
 * is placed on it and its servers may be evacuated; or up again.
 */
public record SetComputeServiceDown(String host, boolean down) implements Command {
    public SetComputeServiceDown {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String serverId() {
        return null;
    }
}
