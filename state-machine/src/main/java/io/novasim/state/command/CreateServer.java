package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * Boot a server from an image, or from a volume when {@code imageId} is {@code null} and {@code bootVolumeId} names
 * an available volume.
 */
public record CreateServer(String name, String flavorId, String imageId, String bootVolumeId,
                           String availabilityZone, Map<String, String> metadata, Networks networks)
        implements Command {
    public CreateServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(networks, "networks");
        metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
    }

    /** From an image, in zone {@code nova}, on the one network the project can use (if there is one). */
    public CreateServer(String name, String flavorId, String imageId) {
        this(name, flavorId, imageId, null, "nova", Map.of(), Networks.AUTO);
    }

    public CreateServer withNetworks(Networks newNetworks) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, newNetworks);
    }

    public CreateServer bootingFromVolume(String volumeId) {
        return new CreateServer(name, flavorId, null, volumeId, availabilityZone, metadata, networks);
    }

    @Override
    public String serverId() {
        return null;
    }
}
