package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A port's description and security groups, as Neutron keeps them: its project's default group unless told
 * otherwise, changed by a PUT with the name, refused for a group the port's project does not have, shown by Nova as
 * the server's security groups, and a group a port is in is not deleted.
 */
class PortUpdateTest extends SeededCloudTest {
    private static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    PortUpdateTest() {
        super(67);
    }

    private String group(String name) {
        return demo.post("/network/v2.0/security-groups", "{\"security_group\": {\"name\": \"" + name + "\"}}")
                .json().at("/security_group/id").asText();
    }

    @Test
    void aPortKeepsItsDescriptionAndGroupsAndAServerShowsThem() {
        String defaultGroup = demo.get("/network/v2.0/security-groups?name=default").json()
                .at("/security_groups/0/id").asText();
        JsonNode created = demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "name": "web", "description": "the web tier"}}""".formatted(NET))
                .json().get("port");
        assertThat(created.get("description").asText()).isEqualTo("the web tier");
        assertThat(created.get("security_groups")).extracting(JsonNode::asText).containsExactly(defaultGroup);
        String port = created.get("id").asText();

        String web = group("web");
        Client.Response updated = demo.put("/network/v2.0/ports/" + port, """
                {"port": {"name": "front", "description": "", "security_groups": ["%s", "%s"]}}"""
                .formatted(web, defaultGroup));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/port/name").asText()).isEqualTo("front");
        assertThat(updated.json().at("/port/description").asText()).isEmpty();
        assertThat(updated.json().at("/port/security_groups")).extracting(JsonNode::asText)
                .containsExactly(web, defaultGroup);

        String server = demo.post("/v2.1/servers", """
                {"server": {"name": "s", "imageRef": "%s", "flavorRef": "1", "networks": [{"port": "%s"}]}}"""
                .formatted(IMAGE, port)).json().at("/server/id").asText();
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/security_groups"))
                .extracting(g -> g.get("name").asText()).containsExactly("web", "default");

        Client.Response inUse = demo.delete("/network/v2.0/security-groups/" + web);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().at("/NeutronError/message").asText()).isEqualTo("Security Group " + web + " in use.");
        assertThat(demo.put("/network/v2.0/ports/" + port, "{\"port\": {\"security_groups\": null}}").json()
                .at("/port/security_groups")).as("null is no group, as neutron-lib converts it").isEmpty();
    }

    @Test
    void aGroupThePortsProjectDoesNotHaveIsNotFound() {
        String port = demo.post("/network/v2.0/ports", "{\"port\": {\"network_id\": \"" + NET + "\"}}").json()
                .at("/port/id").asText();
        String theirs = Client.as(sim, "alt", "alt").get("/network/v2.0/security-groups?name=default").json()
                .at("/security_groups/0/id").asText();
        Client.Response refused = demo.put("/network/v2.0/ports/" + port,
                "{\"port\": {\"security_groups\": [\"" + theirs + "\"]}}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().at("/NeutronError/message").asText())
                .isEqualTo("Security group " + theirs + " does not exist");
        assertThat(demo.put("/network/v2.0/ports/" + port, "{\"port\": {\"dns_name\": \"web\"}}").status())
                .isEqualTo(501);
        Client.Response dns = demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "dns_name": "web"}}""".formatted(NET));
        assertThat(dns.status()).as("a value the port would not show is refused, not dropped").isEqualTo(501);
        assertThat(dns.json().at("/NeutronError/message").asText())
                .isEqualTo("novasim does not simulate creating a port with dns_name \"web\"");
        assertThat(demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "binding:vnic_type": "normal", "port_security_enabled": true}}"""
                .formatted(NET)).status()).as("the defaults are accepted").isEqualTo(201);
    }

    @Test
    void aServerCreatedInGroupsHasItsPortsInThemAndAGroupNovaCannotFindIsRefused() {
        group("web");
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "s", "imageRef": "%s", "flavorRef": "1",
                            "security_groups": [{"name": "web"}, {"name": "default"}, {"name": "web"}]}}"""
                .formatted(IMAGE));
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().at("/server/security_groups")).as("echoed as the request gave them").hasSize(3);
        String server = created.json().at("/server/id").asText();
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/security_groups"))
                .extracting(g -> g.get("name").asText()).containsExactly("web", "default");

        Client.Response missing = demo.post("/v2.1/servers", """
                {"server": {"name": "t", "imageRef": "%s", "flavorRef": "1", "security_groups": [{"name": "db"}]}}"""
                .formatted(IMAGE));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/badRequest/message").asText())
                .isEqualTo("Unable to find security_group with name or id 'db'");
        group("web");
        Client.Response twice = demo.post("/v2.1/servers", """
                {"server": {"name": "t", "imageRef": "%s", "flavorRef": "1", "security_groups": [{"name": "web"}]}}"""
                .formatted(IMAGE));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/conflictingRequest/message").asText())
                .isEqualTo("Multiple security_group matches found for name 'web', use an ID to be more specific.");
    }
}
