package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * Boot a server from an image, or from a volume when {@code imageId} is {@code null} and {@code bootVolumeId} names
 * an available volume; or {@code count} alike servers in one request (Nova's multi-create, {@code max_count}), named
 * {@code name-1} to {@code name-count}.
 */
public record CreateServer(String name, String flavorId, String imageId, String bootVolumeId,
                           String availabilityZone, Map<String, String> metadata, Networks networks, int count)
        implements Command {
    public CreateServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(networks, "networks");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 (was " + count + ")");
        }
        metadata = metadata.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
    }

    /** One server. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, 1);
    }

    /** From an image, in zone {@code nova}, on the one network the project can use (if there is one). */
    public CreateServer(String name, String flavorId, String imageId) {
        this(name, flavorId, imageId, null, "nova", Map.of(), Networks.AUTO);
    }

    public CreateServer withNetworks(Networks newNetworks) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, newNetworks, count);
    }

    public CreateServer bootingFromVolume(String volumeId) {
        return new CreateServer(name, flavorId, null, volumeId, availabilityZone, metadata, networks, count);
    }

    /** {@code count} servers alike. */
    public CreateServer times(int newCount) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, newCount);
    }

    /** The name of the server at {@code index} (0-based): Nova suffixes each of a multi-create's names. */
    public String nameOf(int index) {
        return count == 1 ? name : name + "-" + (index + 1);
    }

    @Override
    public String serverId() {
        return null;
    }
}
