package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code POST /os-keypairs}: a key pair of the caller's user, importing {@code publicKey}, or generating a key when it
 * is {@code null} (the receipt then carries the private key, which nothing keeps). {@code type} is {@code ssh} or
 * {@code x509} (microversion 2.2); {@code null} is {@code ssh}, Nova's default.
 */
public record CreateKeypair(String name, String publicKey, String type) implements Command {
    public CreateKeypair {
        Objects.requireNonNull(name, "name");
        type = type == null ? "ssh" : type;
    }

    @Override
    public String serverId() {
        return null;
    }
}
