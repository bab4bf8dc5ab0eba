package io.novasim.http.console;

import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The web console under {@code /__sim/console}: its page and assets, for an admin only, and its session. The page
 * logs in through Keystone (or with the control token) and hands the token to {@code POST /__sim/console/session},
 * which keeps it in an HttpOnly, same-site cookie: the page itself and its event stream can then be opened, and the
 * token is never in a URL. Everything the page shows and does goes through the control plane and the APIs, with the
 * token in {@code X-Auth-Token}, as any client sends it.
 */
@Singleton
public final class ConsoleRoutes {
    /** The cookie that carries the console's token. */
    public static final String COOKIE = "novasim_console";
    private static final String RESOURCES = "/io/novasim/http/console/";
    private static final Map<String, String> ASSETS = Map.of("console.js", "text/javascript; charset=UTF-8",
            "console.css", "text/css; charset=UTF-8");

    private final Simulation simulation;

    @Inject
    public ConsoleRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    /** The console's routes: {@code segments} are the path's, from {@code __sim}; null for a path not the console's. */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        if (segments.length < 2 || !segments[1].equals("console") || segments.length > 3) {
            return null;
        }
        String method = exchange.method();
        Optional<Token> admin = admin(cookieToken(exchange.header("Cookie")));
        if (segments.length == 2 && method.equals("GET")) {
            return admin.isPresent() ? page(exchange, 200, "index.html")
                    : page(exchange, 401, "login.html"); // the login form, with the status it is
        }
        if (segments.length == 3 && segments[2].equals("session")) {
            return session(exchange, method, admin);
        }
        if (segments.length == 3 && method.equals("GET") && ASSETS.containsKey(segments[2])) {
            return admin.isPresent() ? Replies.render(exchange, Reply.ok(text(segments[2])), ASSETS.get(segments[2]))
                    : json(exchange, Errors.unauthorized());
        }
        return null;
    }

    private ApiResponse session(Exchange exchange, String method, Optional<Token> cookieAdmin) {
        switch (method) {
            case "GET" -> {
                // The page, opened again with its cookie, learns the token it sends to the APIs.
                return cookieAdmin.map(token -> json(exchange, Reply.ok(Json.object("token", token.id(),
                        "user", userName(token.userId()), "project_id", token.projectId(), "expires",
                        token.expiresAt().toString()))))
                        .orElseGet(() -> json(exchange, Errors.unauthorized()));
            }
            case "POST" -> {
                String offered = exchange.header("X-Auth-Token");
                Optional<Token> token = simulation.tokens().valid(offered, simulation.now());
                if (token.isEmpty()) {
                    return json(exchange, Errors.unauthorized());
                }
                if (!token.get().admin()) {
                    return json(exchange, Errors.keystone(Refusal.CONTROL_FORBIDDEN));
                }
                return json(exchange, Reply.json(201, Json.object("user", token.get().userId()))
                        .withHeader("Set-Cookie", COOKIE + "=" + offered + "; Path=/__sim; HttpOnly; SameSite=Strict"));
            }
            case "DELETE" -> {
                return json(exchange, Reply.empty(204).withHeader("Set-Cookie", COOKIE
                        + "=; Path=/__sim; HttpOnly; SameSite=Strict; Max-Age=0"));
            }
            default -> {
                return null;
            }
        }
    }

    /** A user's name in the world, or the id (the control token's user is no user of the world). */
    private String userName(String userId) {
        return simulation.cloud().catalog().users().stream().filter(user -> user.id().equals(userId))
                .map(io.novasim.model.catalog.User::name).findFirst().orElse(userId);
    }

    /** The admin token of a request's cookie, if it carries one that is valid. */
    public Optional<Token> admin(String token) {
        return simulation.tokens().valid(token, simulation.now()).filter(Token::admin);
    }

    /** The console's token in a {@code Cookie} header, or null. */
    public static String cookieToken(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String pair = part.trim();
            if (pair.startsWith(COOKIE + "=")) {
                String value = pair.substring(COOKIE.length() + 1);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static ApiResponse json(Exchange exchange, Reply reply) {
        return Replies.render(exchange, reply, "application/json");
    }

    private static ApiResponse page(Exchange exchange, int status, String file) {
        return Replies.render(exchange, Reply.json(status, text(file)).withHeader("Cache-Control", "no-store"),
                "text/html; charset=UTF-8");
    }

    private static String text(String file) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
