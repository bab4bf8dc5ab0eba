package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code DELETE /servers/{id}/metadata/{key}}: one item of a server's metadata removed, under the gate of
 * {@link SetServerMetadata}; Nova's 404 when the server has no such item.
 */
public record DeleteServerMetadata(String serverId, String key) implements Command {
    public DeleteServerMetadata {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(key, "key");
    }
}
