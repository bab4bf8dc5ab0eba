package io.novasim.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A server's hostname (microversion 2.90): given at create or by an update, kept by a rename, one per server. */
@Timeout(30)
class HostnameApiTest extends SeededCloudTest {
    HostnameApiTest() {
        super(7);
    }

    @BeforeEach
    void fresh() {
        demo = demo.microversion("2.90");
    }

    private Client.Response create(Client client, String extra) {
        return client.post("/v2.1/servers", """
                {"server": {"name": "Web Server", "imageRef": "%s", "flavorRef": "1", "networks": "auto"%s}}"""
                .formatted(ServersApiTest.IMAGE, extra));
    }

    private String hostname(String id) {
        return demo.get("/v2.1/servers/" + id).json().at("/server/OS-EXT-SRV-ATTR:hostname").asText();
    }

    @Test
    void aGivenHostnameIsShownAndARenameKeepsIt() {
        String id = create(demo, ", \"hostname\": \"web-01\"").json().at("/server/id").asText();
        assertThat(hostname(id)).isEqualTo("web-01");

        assertThat(demo.put("/v2.1/servers/" + id, "{\"server\": {\"name\": \"renamed\"}}").status()).isEqualTo(200);
        assertThat(hostname(id)).isEqualTo("web-01");
        assertThat(demo.put("/v2.1/servers/" + id, "{\"server\": {\"hostname\": \"web-02\"}}").json()
                .at("/server/OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("web-02");
    }

    @Test
    void withoutOneTheNameMakesItAndKeepsIt() {
        String id = create(demo, "").json().at("/server/id").asText();
        assertThat(hostname(id)).isEqualTo("web-server");
        demo.put("/v2.1/servers/" + id, "{\"server\": {\"name\": \"other\"}}");
        assertThat(hostname(id)).isEqualTo("web-server");
    }

    @Test
    void refusedBefore290AsInvalidOrForSeveralServers() {
        Client old = Client.as(sim, "demo", "demo").microversion("2.89");
        assertBadRequestEnding(create(old, ", \"hostname\": \"web-01\""),
                "Additional properties are not allowed ('hostname' was unexpected)");
        assertBadRequest(create(demo, ", \"hostname\": \"-bad-\""), "Invalid input for field/attribute hostname. "
                + "Value: -bad-. '-bad-' does not match '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$'");
        assertBadRequest(create(demo, ", \"hostname\": \"w\""),
                "Invalid input for field/attribute hostname. Value: w. 'w' is too short");
        assertBadRequest(create(demo, ", \"hostname\": \"web\", \"max_count\": 2"),
                "Unable to allocate a single hostname to multiple instances");
        String id = create(demo, "").json().at("/server/id").asText();
        assertBadRequestEnding(old.put("/v2.1/servers/" + id, "{\"server\": {\"hostname\": \"web-01\"}}"),
                "Additional properties are not allowed ('hostname' was unexpected)");
        assertBadRequest(demo.put("/v2.1/servers/" + id, "{\"server\": {\"name\": \"changed\", \"hostname\": \"-\"}}"),
                "Invalid input for field/attribute hostname. Value: -. '-' is too short");
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/name").asText()).as("nothing changed")
                .isEqualTo("Web Server");
        assertThat(demo.get("/v2.1/servers").json().get("servers")).hasSize(1);
    }

    /** Nova's schema errors for an unexpected property start with the whole object. */
    private static void assertBadRequestEnding(Client.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().at("/badRequest/message").asText()).startsWith(
                "Invalid input for field/attribute server.").endsWith(message);
    }

    private static void assertBadRequest(Client.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().at("/badRequest/message").asText()).isEqualTo(message);
    }
}
