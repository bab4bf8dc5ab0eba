package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/** Boot a server: {@code imageId} is {@code null} when it boots from a volume. */
public record CreateServer(String name, String flavorId, String imageId, String availabilityZone,
                           Map<String, String> metadata) implements Command {
    public CreateServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        metadata = Map.copyOf(metadata);
    }

    public CreateServer(String name, String flavorId, String imageId) {
        this(name, flavorId, imageId, "nova", Map.of());
    }

    @Override
    public String serverId() {
        return null;
    }
}
