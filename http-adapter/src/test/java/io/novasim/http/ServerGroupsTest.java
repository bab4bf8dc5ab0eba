package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import io.novasim.model.catalog.ComputeHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Server groups on two hosts: affinity keeps members together, anti-affinity apart until no host is left. */
@Timeout(30)
class ServerGroupsTest extends SeededCloudTest {
    private Client admin;

    ServerGroupsTest() {
        super(97, builder -> builder.setup(CloudSetup.demo().withHosts(new ComputeHost("compute-a", "nova"),
                new ComputeHost("compute-b", "nova"))));
    }

    @BeforeEach
    void logInTheAdmin() {
        admin = Client.as(sim, "admin", "admin");
    }

    private String group(String policy) {
        return demo.post("/v2.1/os-server-groups", "{\"server_group\": {\"name\": \"g\", \"policies\": [\"" + policy
                + "\"]}}").json().at("/server_group/id").asText();
    }

    private String boot(String name, String group) {
        return demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"},
                 "os:scheduler_hints": {"group": "%s"}}""".formatted(name, group)).json().at("/server/id").asText();
    }

    private JsonNode shown(String server) {
        return admin.get("/v2.1/servers/" + server).json().get("server");
    }

    @Test
    void antiAffinitySpreadsMembersUntilNoHostIsLeft() {
        String group = group("anti-affinity");
        String one = boot("one", group);
        String two = boot("two", group);
        String three = boot("three", group);
        sim.control().advance(Duration.ofSeconds(5));
        assertThat(shown(one).get("OS-EXT-SRV-ATTR:host").asText())
                .isNotEqualTo(shown(two).get("OS-EXT-SRV-ATTR:host").asText());
        JsonNode third = shown(three);
        assertThat(third.get("status").asText()).isEqualTo("ERROR");
        assertThat(third.at("/fault/message").asText())
                .isEqualTo("No valid host was found. There are not enough hosts available.");
        JsonNode listed = demo.get("/v2.1/os-server-groups").json().at("/server_groups/0");
        assertThat(listed.get("members")).hasSize(3);
        assertThat(listed.get("policies").get(0).asText()).isEqualTo("anti-affinity");
        assertThat(demo.microversion("2.71").get("/v2.1/servers/" + one).json().at("/server/server_groups/0")
                .asText()).isEqualTo(group);
    }

    @Test
    void affinityKeepsMembersTogetherAndADeletedServerLeaves() {
        String group = group("affinity");
        String one = boot("one", group);
        String two = boot("two", group);
        sim.control().advance(Duration.ofSeconds(5));
        assertThat(shown(one).get("OS-EXT-SRV-ATTR:host").asText())
                .isEqualTo(shown(two).get("OS-EXT-SRV-ATTR:host").asText());
        demo.delete("/v2.1/servers/" + two);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(demo.get("/v2.1/os-server-groups/" + group).json().at("/server_group/members")).hasSize(1);
        assertThat(demo.delete("/v2.1/os-server-groups/" + group).status()).isEqualTo(204);
        assertThat(demo.get("/v2.1/os-server-groups/" + group).json().at("/itemNotFound/message").asText())
                .isEqualTo("Instance group " + group + " could not be found.");
    }

    @Test
    void refusalsAreNovas() {
        Client.Response badPolicy = demo.post("/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g\", \"policies\": [\"soft-affinity\"]}}");
        assertThat(badPolicy.json().at("/badRequest/message").asText()).as("soft policies from 2.15").isEqualTo(
                "Invalid input for field/attribute 0. Value: soft-affinity. 'soft-affinity' is not one of "
                        + "['anti-affinity', 'affinity']");
        Client.Response rules = demo.microversion("2.64").post("/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g\", \"policy\": \"affinity\", \"rules\": "
                        + "{\"max_server_per_host\": 2}}}");
        assertThat(rules.json().at("/badRequest/message").asText())
                .isEqualTo("Only anti-affinity policy supports rules.");
        String missing = "11111111-2222-3333-4444-555555555555";
        Client.Response noGroup = demo.post("/v2.1/servers", """
                {"server": {"name": "x", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"},
                 "os:scheduler_hints": {"group": "%s"}}""".formatted(missing));
        assertThat(noGroup.json().at("/badRequest/message").asText())
                .isEqualTo("Instance group " + missing + " could not be found.");
    }
}
