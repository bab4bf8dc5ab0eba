package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code createImage} action: a snapshot of the server, uploaded to a new private image.
 *
 * @param metadata      extra image properties
 * @param metadataQuota whether the metadata counts against the metadata quota (below 2.39, while Nova proxied image
 *                      metadata)
 */
public record CreateServerImage(String serverId, String name, Map<String, String> metadata, boolean metadataQuota)
        implements Command {
    public CreateServerImage {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(name, "name");
        metadata = Map.copyOf(metadata);
    }

    /** A snapshot of that name with no metadata. */
    public static CreateServerImage named(String serverId, String name) {
        return new CreateServerImage(serverId, name, Map.of(), false);
    }
}
