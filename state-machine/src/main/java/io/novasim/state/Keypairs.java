package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.keypair.Keypair;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.Receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key pairs ({@code os-keypairs}): a user's own, whatever project the user acts in. Nothing in the simulation uses
 * them but a server create's key name. A generated key is made from seeded material, so a seed reproduces it.
 */
final class Keypairs {
    private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":");
    private static final int FINGERPRINT_BYTES = 16;

    private final World world;
    private final Quotas quotas;

    Keypairs(World world, Quotas quotas) {
        this.world = world;
        this.quotas = quotas;
    }

    Receipt create(Caller caller, CreateKeypair command, String requestId, Instant now) {
        quotas.checkKeypair(caller); // before the name is looked at (compute/api.py create_key_pair)
        Map<String, Keypair> mine = world.keypairs.computeIfAbsent(caller.userId(), user -> new LinkedHashMap<>());
        if (mine.containsKey(command.name())) {
            throw Refusal.KEYPAIR_EXISTS.exception(command.name());
        }
        // Drawn for an imported key too: the material also makes the fingerprint.
        byte[] material = world.ids.keyMaterial();
        String publicKey = command.publicKey();
        String privateKey = null;
        if (publicKey == null) {
            String key = Base64.getEncoder().encodeToString(material);
            publicKey = "ssh-ed25519 " + key + " Generated-by-Nova";
            privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + key + "\n-----END OPENSSH PRIVATE KEY-----\n";
        }
        Keypair keypair = new Keypair(command.name(), caller.userId(), publicKey,
                FINGERPRINT.formatHex(material, 0, FINGERPRINT_BYTES), command.type(), now);
        mine.put(keypair.name(), keypair);
        return Receipt.of(requestId, keypair, privateKey);
    }

    Receipt delete(Caller caller, String name, String requestId) {
        Keypair keypair = find(caller, name);
        world.keypairs.get(caller.userId()).remove(name);
        return Receipt.of(requestId, keypair, null);
    }

    /** One of the caller's user's key pairs, or Nova's 404. */
    Keypair find(Caller caller, String name) {
        Keypair keypair = world.keypairs.getOrDefault(caller.userId(), Map.of()).get(name);
        if (keypair == null) {
            throw Refusal.KEYPAIR_NOT_FOUND.exception(name, caller.userId());
        }
        return keypair;
    }

    /** Whether the caller's user has a key pair of that name. */
    boolean holds(Caller caller, String name) {
        return world.keypairs.getOrDefault(caller.userId(), Map.of()).containsKey(name);
    }

    /** The caller's user's key pairs, oldest first. */
    List<Keypair> of(Caller caller) {
        return new ArrayList<>(world.keypairs.getOrDefault(caller.userId(), Map.of()).values());
    }

    /** Every user's key pairs: by user in the order they first had one, then oldest first. */
    List<Keypair> all() {
        List<Keypair> all = new ArrayList<>();
        world.keypairs.values().forEach(mine -> all.addAll(mine.values()));
        return all;
    }
}
