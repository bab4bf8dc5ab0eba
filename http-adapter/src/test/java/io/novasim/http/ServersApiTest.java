package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import io.novasim.model.error.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ServersApiTest extends SeededCloudTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    ServersApiTest() {
        super(7);
    }

    String boot(String name) {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().at("/server/id").asText();
    }

    @Test
    void createAnswers202WithIdLinksPasswordAndRequestIds() {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        assertThat(created.status()).isEqualTo(202);
        JsonNode server = created.json().get("server");
        assertThat(server.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(server.get("adminPass").asText()).hasSize(12);
        assertThat(server.at("/links/0/rel").asText()).isEqualTo("self");
        assertThat(created.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}")
                .isEqualTo(created.header("x-compute-request-id"));
        assertThat(created.header("Location")).endsWith("/v2.1/servers/" + server.get("id").asText());
        assertThat(created.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(created.headerValues("Vary")).contains("OpenStack-API-Version", "X-OpenStack-Nova-API-Version");
    }

    /** As Nova's create schemas: a field before its microversion, or after it went, is an unexpected property. */
    @Test
    void createFieldsComeAndGoWithMicroversions() {
        String[][] refused = {
                {"2.18", "\"description\": \"d\""}, {"2.51", "\"tags\": [\"t\"]"},
                {"2.57", "\"personality\": []"}, {"2.62", "\"trusted_image_certificates\": [\"c\"]"},
                {"2.73", "\"host\": \"compute-1\""}, {"2.89", "\"hostname\": \"web-01\""}};
        for (String[] row : refused) {
            Client.Response created = demo.microversion(row[0]).post("/v2.1/servers", """
                    {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "networks": "auto", %s}}"""
                    .formatted(IMAGE, row[1]));
            assertThat(created.status()).as(row[0] + " " + row[1]).isEqualTo(400);
            assertThat(created.json().at("/badRequest/message").asText()).as(row[0])
                    .endsWith("Additional properties are not allowed ('" + row[1].split("\"")[1]
                            + "' was unexpected)");
        }
        String[][] taken = {{"2.19", "\"description\": \"d\""}, {"2.52", "\"tags\": [\"t\"]"},
                {"2.56", "\"personality\": []"}, {"2.90", "\"hostname\": \"web-01\""}};
        for (String[] row : taken) {
            assertThat(demo.microversion(row[0]).post("/v2.1/servers", """
                    {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "networks": "auto", %s}}"""
                    .formatted(IMAGE, row[1])).status()).as(row[0] + " " + row[1]).isEqualTo(202);
        }
    }

    @Test
    void aServerBuildsThenIsActiveWithAnAddress() {
        String id = boot("web");
        JsonNode building = demo.get("/v2.1/servers/" + id).json().get("server");
        assertThat(building.get("status").asText()).isEqualTo("BUILD");
        assertThat(building.get("OS-EXT-STS:task_state").asText()).isEqualTo("scheduling");
        sim.control().advance(Duration.ofSeconds(5));
        JsonNode active = demo.get("/v2.1/servers/" + id).json().get("server");
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(active.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(active.at("/addresses/private/0/addr").asText()).isEqualTo("10.0.0.2");
        assertThat(demo.get("/v2.1/servers/" + id + "/ips").json().at("/addresses/private/0/version").asInt())
                .isEqualTo(4);
    }

    @Test
    void listFiltersByNameAndPages() {
        String a = boot("alpha");
        String b = boot("beta");
        String c = boot("alphabet");
        assertThat(demo.get("/v2.1/servers?name=alpha").json().get("servers")).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder(a, c);
        JsonNode page = demo.get("/v2.1/servers?limit=2").json();
        assertThat(page.get("servers")).hasSize(2);
        assertThat(page.at("/servers_links/0/rel").asText()).isEqualTo("next");
        String marker = page.at("/servers/1/id").asText();
        assertThat(demo.get("/v2.1/servers?limit=2&marker=" + marker).json().get("servers")).hasSize(1);
        assertThat(demo.get("/v2.1/servers?marker=nope").status()).isEqualTo(400);
        assertThat(b).isNotNull();
    }

    @Test
    void anotherProjectSeesNothing() {
        String id = boot("web");
        Client alt = Client.as(sim, "alt", "alt");
        Client.Response show = alt.get("/v2.1/servers/" + id);
        assertThat(show.status()).isEqualTo(404);
        assertThat(show.json().at("/itemNotFound/message").asText()).isEqualTo("Instance " + id
                + " could not be found.");
        assertThat(show.json().at("/itemNotFound/code").asInt()).isEqualTo(404);
        assertThat(alt.get("/v2.1/servers").json().get("servers")).isEmpty();
        Client.Response allTenants = alt.get("/v2.1/servers/detail?all_tenants=1");
        assertThat(allTenants.status()).isEqualTo(403);
        assertThat(allTenants.json().at("/forbidden/message").asText()).isEqualTo(
                "Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed.");
        assertThat(alt.get("/v2.1/servers?all_tenants=true").json().at("/forbidden/message").asText()).isEqualTo(
                "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
        Client admin = Client.as(sim, "admin", "admin");
        assertThat(admin.get("/v2.1/servers").json().get("servers")).as("an admin's own project").isEmpty();
        assertThat(admin.get("/v2.1/servers?all_tenants=1").json().get("servers")).hasSize(1);
    }

    @Test
    void flavorsHaveNoExtraSpecs() {
        assertThat(demo.get("/v2.1/flavors/1/os-extra_specs").json().get("extra_specs").size()).isZero();
        assertThat(demo.get("/v2.1/flavors/nope/os-extra_specs").status()).isEqualTo(404);
    }

    @Test
    void aMissingFlavorIsA404InTheUrlAndA400InACreatesBody() {
        // nova/api/openstack/compute/flavors.py (show) and common.get_flavor: HTTPNotFound; servers.py (create): the
        // same FlavorNotFound text as HTTPBadRequest.
        Client.Response show = demo.get("/v2.1/flavors/nope");
        assertThat(show.status()).isEqualTo(404);
        assertThat(show.json().at("/itemNotFound/message").asText()).isEqualTo("Flavor nope could not be found.");
        assertThat(sim.control().requests().get(sim.control().requests().size() - 1).refusalId())
                .isEqualTo(Refusal.FLAVOR_NOT_FOUND);
        Client.Response create = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
                 "flavorRef": "nope"}}""");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().at("/badRequest/message").asText()).isEqualTo("Flavor nope could not be found.");
        assertThat(sim.control().requests().get(sim.control().requests().size() - 1).refusalId())
                .isEqualTo(Refusal.FLAVOR_IN_BODY_NOT_FOUND);
    }

    @Test
    void deleteAnswers204AndTheServerIsGoneOnceTheDeleteCompletes() {
        String id = boot("web");
        assertThat(demo.delete("/v2.1/servers/" + id).status()).isEqualTo(204);
        sim.control().runUntilIdle();
        assertThat(demo.get("/v2.1/servers/" + id).status()).isEqualTo(404);
    }

    @Test
    void withTheProjectIdInThePathToo() {
        String id = boot("web");
        assertThat(demo.get("/v2.1/" + CloudSetup.DEMO_PROJECT + "/servers/" + id).status()).isEqualTo(200);
        Client.Response mismatch = demo.get("/v2.1/" + CloudSetup.ALT_PROJECT + "/servers/" + id);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().at("/badRequest/message").asText()).isEqualTo(
                "Malformed request URL: URL's project_id '" + CloudSetup.ALT_PROJECT
                        + "' doesn't match Context's project_id '" + CloudSetup.DEMO_PROJECT + "'");
    }

    @Test
    void withoutATokenThe401OfKeystonemiddleware() {
        Client.Response response = Client.anonymous(sim).get("/v2.1/servers");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("The request you have made requires authentication.");
        assertThat(response.header("WWW-Authenticate")).startsWith("Keystone uri=");
    }

    @Test
    void unknownPathsAndMethodsAnswerNovas404() {
        assertThat(demo.get("/v2.1/nothing/here").status()).isEqualTo(404);
        String id = boot("web");
        Client.Response patch = demo.send("PATCH", "/v2.1/servers/" + id, "{}");
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.json().get("title").asText()).isEqualTo("Not Found");
    }
}
