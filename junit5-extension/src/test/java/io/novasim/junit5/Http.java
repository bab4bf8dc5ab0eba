package io.novasim.junit5;

import io.novasim.NovaSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Touches a simulator over java.net.http: version documents, a token, servers. */
final class Http {
    static final String CIRROS = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private Http() {
    }

    static HttpResponse<String> get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return send(request.build());
    }

    static HttpResponse<String> post(URI uri, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return send(request.build());
    }

    static HttpResponse<String> delete(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("X-Auth-Token", token)
                .DELETE().build());
    }

    /** GET BASE/v2.1/: the compute version document, no token needed. */
    static int computeVersionStatus(NovaSimulator sim) {
        return get(URI.create(sim.baseUri() + "/v2.1/"), null).statusCode();
    }

    /** A project-scoped token, from POST /identity/v3/auth/tokens with a password. */
    static String token(URI identity, String user, String password, String userDomain, String project,
                        String projectDomain) {
        HttpResponse<String> response = post(URI.create(identity + "/auth/tokens"), null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "%s"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "%s"}}}}}"""
                .formatted(user, userDomain, password, project, projectDomain));
        if (response.statusCode() != 201) {
            throw new AssertionError("auth failed: " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** A token of demo / secret in project demo. */
    static String demoToken(NovaSimulator sim) {
        return token(sim.identityEndpoint(), "demo", "secret", "Default", "demo", "Default");
    }

    /** GET /v2.1/servers: the body of the list. */
    static HttpResponse<String> listServers(NovaSimulator sim, String token) {
        return get(URI.create(sim.computeEndpoint() + "/servers"), token);
    }

    /** POST /v2.1/servers with m1.tiny and cirros. */
    static HttpResponse<String> createServer(NovaSimulator sim, String token, String name) {
        return post(URI.create(sim.computeEndpoint() + "/servers"), token, """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, CIRROS));
    }

    /** The first {@code "id"} in a body. */
    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no id in " + body);
        }
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
