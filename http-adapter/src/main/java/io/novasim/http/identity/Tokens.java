package io.novasim.http.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens Keystone has issued. Token ids come from a seeded source, so a seed reproduces them; they expire in
 * virtual time. A fixed control token, when configured, is always valid and acts as an admin.
 */
public final class Tokens {
    private final Map<String, Token> issued = new ConcurrentHashMap<>();
    private final SplittableRandom random;
    private final Duration lifetime;

    public Tokens(long seed, Duration lifetime) {
        this.random = new SplittableRandom(seed ^ 0x6b657973746f6e65L);
        this.lifetime = lifetime;
    }

    public synchronized Token issue(String userId, String projectId, Set<String> roles, List<String> methods,
                                    Instant now) {
        String id = "gAAAAA" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong());
        Token token = new Token(id, userId, projectId, roles, methods, now, now.plus(lifetime));
        issued.put(id, token);
        return token;
    }

    /** A token by id that has not expired nor been revoked. */
    public Optional<Token> valid(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Token token = issued.get(id);
        if (token == null || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public boolean revoke(String id) {
        return issued.remove(id) != null;
    }

    /** Registers a token with a known id (a control token, or a test's fixed token). */
    public void register(Token token) {
        issued.put(token.id(), token);
    }

    public void clear() {
        issued.clear();
    }
}
