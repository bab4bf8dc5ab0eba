package io.novasim.http.compute;

import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.User;
import io.novasim.model.error.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic authentication for dialects without Keystone (Hostway, seed 003): the user's name and password from the
 * setup, acting in the first project (by id) where the user has a role.
 */
final class BasicAuth {
    private final Simulation simulation;

    BasicAuth(Simulation simulation) {
        this.simulation = simulation;
    }

    static Reply unauthorized() {
        Refusal refusal = Refusal.BASIC_AUTH_REQUIRED;
        return new Reply(refusal.status(), refusal.message(), Map.of("WWW-Authenticate", "Basic realm=\"novasim\""),
                refusal);
    }

    /** A token for this request only (never registered), or empty when the credentials are missing or wrong. */
    Optional<Token> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        Optional<User> user = simulation.setup().catalog().users().stream().filter(u -> u.name().equals(name))
                .findFirst()
                .filter(u -> password.equals(simulation.setup().passwords().get(u.id())));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Set<String>> roles = simulation.setup().roles().getOrDefault(user.get().id(), Map.of());
        return roles.keySet().stream().sorted().findFirst().map(project -> new Token("basic", user.get().id(),
                project, roles.get(project), List.of("basic"), simulation.now(), simulation.now().plusSeconds(1)));
    }
}
