package io.novasim.state.command;

import java.util.Objects;

/** Cinder's {@code DELETE /v3/{project}/volumes/{id}}: refused while the volume is attached or busy. */
public record DeleteVolume(String volumeId) implements Command {
    public DeleteVolume {
        Objects.requireNonNull(volumeId, "volumeId");
    }

    @Override
    public String serverId() {
        return null;
    }
}
