package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code rebuild} action: the server boots again from an image, keeping its id, ports and volumes; what the
 * request also sends replaces the server's own, each only when given (Nova's {@code compute/api.py} rebuild).
 *
 * @param imageId           the image to rebuild from
 * @param adminPass         the password asked for, or {@code null} to have one made
 * @param name              the new name, or {@code null} to keep it
 * @param description       the new description, {@code null} removing it, when {@code descriptionGiven} (2.19)
 * @param metadata          the new metadata, replacing all of it, or {@code null} to keep it
 * @param keyName           the new key pair, {@code null} removing it, when {@code keyNameGiven} (2.54)
 * @param userData          the new user data, {@code null} removing it, when {@code userDataGiven} (2.57)
 * @param hostname          the new hostname (2.90), or {@code null} to keep it
 * @param reimageBootVolume whether a volume-backed server's root volume may take the new image (2.93)
 */
public record RebuildServer(String serverId, String imageId, String adminPass, String name, String description,
                            boolean descriptionGiven, Map<String, String> metadata, String keyName,
                            boolean keyNameGiven, String userData, boolean userDataGiven, String hostname,
                            boolean reimageBootVolume) implements Command {
    public RebuildServer {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(imageId, "imageId");
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }

    /** A rebuild from this image that changes nothing else. */
    public static RebuildServer from(String serverId, String imageId) {
        return new RebuildServer(serverId, imageId, null, null, null, false, null, null, false, null, false, null,
                false);
    }
}
