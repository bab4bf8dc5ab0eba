package io.novasim.state.command;

import java.util.Objects;

/** {@code DELETE /os-keypairs/{name}}: one of the caller's user's key pairs. */
public record DeleteKeypair(String name) implements Command {
    public DeleteKeypair {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String serverId() {
        return null;
    }
}
