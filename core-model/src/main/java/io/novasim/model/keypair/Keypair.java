package io.novasim.model.keypair;

import java.time.Instant;
import java.util.Objects;

/**
 * A key pair, as Nova keeps it per user. Its private key is never kept: only the answer to the create that generated
 * it shows it.
 *
 * @param name        unique among its user's key pairs
 * @param userId      the user it belongs to
 * @param publicKey   the public key given, or the one generated
 * @param fingerprint the fingerprint shown with it
 * @param type        {@code ssh} or {@code x509} (microversion 2.2)
 * @param created     when it was created
 */
public record Keypair(String name, String userId, String publicKey, String fingerprint, String type,
                      Instant created) {
    public Keypair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
    }
}
