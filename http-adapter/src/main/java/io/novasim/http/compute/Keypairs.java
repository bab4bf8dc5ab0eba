package io.novasim.http.compute;

import io.novasim.http.Simulation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Key pairs, per user. They only echo what was given or generated: nothing in the simulation reads them but the
 * {@code key_name} check of a server create. Generated keys are seeded, so a seed reproduces them.
 */
@Singleton
public final class Keypairs {
    /** One key pair; {@code privateKey} is kept only until the create answer shows it. */
    public record Keypair(String name, String userId, String publicKey, String fingerprint, String type,
                          Instant created) {
    }

    private final Map<String, Keypair> byUserAndName = new LinkedHashMap<>();
    private final long seed;
    private SplittableRandom random;

    @Inject
    public Keypairs(Simulation simulation) {
        this.seed = simulation.settings().seed() ^ 0x6b65797061697273L;
        this.random = new SplittableRandom(seed);
        simulation.onReset(this::clear);
    }

    public synchronized Optional<Keypair> find(String userId, String name) {
        return Optional.ofNullable(byUserAndName.get(userId + "/" + name));
    }

    public synchronized List<Keypair> of(String userId) {
        List<Keypair> mine = new ArrayList<>();
        for (Keypair keypair : byUserAndName.values()) {
            if (keypair.userId().equals(userId)) {
                mine.add(keypair);
            }
        }
        return mine;
    }

    /** Adds a key pair; returns the private key when one was generated, else null. */
    public synchronized String add(String userId, String name, String publicKey, String type, Instant now) {
        String privateKey = null;
        String key = publicKey;
        byte[] material = new byte[32];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) random.nextInt(256);
        }
        if (key == null) {
            key = "ssh-ed25519 " + Base64.getEncoder().encodeToString(material) + " Generated-by-Nova";
            privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(material)
                    + "\n-----END OPENSSH PRIVATE KEY-----\n";
        }
        byte[] digest = new byte[16];
        System.arraycopy(material, 0, digest, 0, 16);
        String fingerprint = String.join(":", HexFormat.of().formatHex(digest).split("(?<=\\G..)"));
        byUserAndName.put(userId + "/" + name, new Keypair(name, userId, key, fingerprint, type, now));
        return privateKey;
    }

    public synchronized boolean remove(String userId, String name) {
        return byUserAndName.remove(userId + "/" + name) != null;
    }

    /** Forgets every key pair and starts the generated keys over, so that a reset world answers as a fresh one. */
    public synchronized void clear() {
        byUserAndName.clear();
        random = new SplittableRandom(seed);
    }
}
