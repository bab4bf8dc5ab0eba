package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keystone subset of client-wire-contract.md §2. */
@Timeout(30)
class IdentityApiTest {
    private static final String PASSWORD_AUTH = """
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
             "domain": {"name": "Default"}, "password": "%s"}}},
             "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}""";

    @Test
    void passwordAuthReturnsATokenWithACatalogOfThisServer() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client anonymous = Client.anonymous(sim);
            assertThat(anonymous.get("/identity/v3").json().at("/version/id").asText()).isEqualTo("v3.14");
            Client.Response issued = anonymous.post("/identity/v3/auth/tokens",
                    PASSWORD_AUTH.formatted("demo", "secret", "demo"));
            assertThat(issued.status()).isEqualTo(201);
            assertThat(issued.header("X-Subject-Token")).isNotBlank();
            JsonNode token = issued.json().get("token");
            assertThat(token.get("expires_at").asText()).endsWith("Z");
            assertThat(token.at("/project/name").asText()).isEqualTo("demo");
            assertThat(token.at("/user/name").asText()).isEqualTo("demo");
            assertThat(token.get("roles")).extracting(r -> r.get("name").asText()).contains("member");
            assertThat(token.get("catalog")).extracting(e -> e.get("type").asText())
                    .contains("compute", "network", "volumev3", "image");
            assertThat(token.at("/catalog/0/endpoints/0/url").asText()).startsWith(sim.baseUri().toString());

            Client.Response wrong = anonymous.post("/identity/v3/auth/tokens",
                    PASSWORD_AUTH.formatted("demo", "nope", "demo"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().at("/error/code").asInt()).isEqualTo(401);
            assertThat(anonymous.post("/identity/v3/auth/tokens", PASSWORD_AUTH.formatted("demo", "secret", "alt"))
                    .status()).as("demo has no role in alt").isEqualTo(401);
        }
    }

    @Test
    void tokensAreValidatedRevokedAndExpireInVirtualTime() {
        try (NovaSimulator sim = NovaSimulator.builder().tokenLifetime(Duration.ofHours(1)).build().start()) {
            Client demo = Client.as(sim, "demo", "demo");
            Client.Response validated = demo.withHeader("X-Subject-Token", demo.token())
                    .get("/identity/v3/auth/tokens");
            assertThat(validated.status()).isEqualTo(200);
            assertThat(validated.json().at("/token/project/name").asText()).isEqualTo("demo");
            assertThat(demo.get("/v2.1/servers").status()).isEqualTo(200);

            sim.control().advance(Duration.ofHours(1));
            assertThat(demo.get("/v2.1/servers").status()).as("expired").isEqualTo(401);

            Client other = Client.as(sim, "demo", "demo");
            assertThat(other.withHeader("X-Subject-Token", other.token()).delete("/identity/v3/auth/tokens")
                    .status()).isEqualTo(204);
            assertThat(other.get("/v2.1/servers").status()).as("revoked").isEqualTo(401);
        }
    }

    @Test
    void aTokenAuthScopesAnotherToken() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client demo = Client.as(sim, "demo", "demo");
            Client.Response rescoped = Client.anonymous(sim).post("/identity/v3/auth/tokens", """
                    {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}},
                     "scope": {"project": {"id": "6f70656e737461636b20342065766572"}}}}""".formatted(demo.token()));
            assertThat(rescoped.status()).isEqualTo(201);
            assertThat(rescoped.json().at("/token/methods/0").asText()).isEqualTo("token");
        }
    }

    @Test
    void projectsAreReadAsKeystonesPoliciesLetEachCaller() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client admin = Client.as(sim, "admin", "admin");
            Client demo = Client.as(sim, "demo", "demo");
            Client.Response all = admin.get("/identity/v3/projects");
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.json().get("projects").findValuesAsText("name")).containsExactly("demo", "alt", "admin");
            Client.Response named = admin.get("/identity/v3/projects?name=demo");
            assertThat(named.json().at("/projects/0/id").asText()).isEqualTo(io.novasim.CloudSetup.DEMO_PROJECT);
            assertThat(named.json().at("/projects/0/parent_id").asText()).isEqualTo("default");

            Client.Response missing = admin.get("/identity/v3/projects/demo");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().at("/error/message").asText()).isEqualTo("Could not find project: demo.");

            assertThat(demo.get("/identity/v3/projects/" + io.novasim.CloudSetup.DEMO_PROJECT).json()
                    .at("/project/name").asText()).isEqualTo("demo");
            Client.Response stranger = demo.get("/identity/v3/projects/" + io.novasim.CloudSetup.ALT_PROJECT);
            assertThat(stranger.status()).isEqualTo(403);
            assertThat(stranger.json().at("/error/message").asText())
                    .isEqualTo("You are not authorized to perform the requested action: identity:get_project.");
            assertThat(demo.get("/identity/v3/projects").status()).isEqualTo(403);
            assertThat(demo.get("/identity/v3/users/d3b07384d113edec49eaa6238ad5ff00/projects").json()
                    .get("projects").findValuesAsText("name")).containsExactly("demo");
            assertThat(Client.anonymous(sim).get("/identity/v3/projects").status()).isEqualTo(401);
            assertThat(demo.get("/identity/v3/users/21232f297a57a5a743894a0e4a801fc3/projects").json()
                    .at("/error/message").asText())
                    .isEqualTo("You are not authorized to perform the requested action: identity:list_user_projects.");
            assertThat(admin.get("/identity/v3/projects?enabled=true&is_domain=false&parent_id=default").json()
                    .get("projects")).hasSize(3);
            assertThat(admin.get("/identity/v3/projects?enabled=false").json().get("projects")).isEmpty();
        }
    }
}
