package io.novasim.state.command;

import java.util.Objects;

/** Cinder's {@code POST /v3/{project}/volumes}: creating, then available. */
public record CreateVolume(String name, int sizeGb, boolean multiattach, boolean bootable) implements Command {
    public CreateVolume {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String serverId() {
        return null;
    }
}
