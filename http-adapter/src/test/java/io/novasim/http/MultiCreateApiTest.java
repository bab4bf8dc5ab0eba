package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code min_count} / {@code max_count} on server create: Nova's multi-create, over HTTP. */
@Timeout(30)
class MultiCreateApiTest extends SeededCloudTest {
    static final String IMAGE = ServersApiTest.IMAGE;

    MultiCreateApiTest() {
        super(7);
    }

    private Client.Response create(String extra) {
        return demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"%s}}""".formatted(IMAGE, extra));
    }

    private List<JsonNode> servers(Client client, String query) {
        List<JsonNode> all = new ArrayList<>();
        client.get("/v2.1/servers/detail" + query).json().get("servers").forEach(all::add);
        return all;
    }

    @Test
    void maxCountBootsThatManyNamedWithAnIndexAndAnswersWithTheFirst() {
        Client.Response created = create(", \"min_count\": 2, \"max_count\": \"3\"");

        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String first = created.json().at("/server/id").asText();
        assertThat(created.json().at("/server/adminPass").asText()).hasSize(12);
        assertThat(created.header("Location")).endsWith("/v2.1/servers/" + first);
        sim.control().advance(Duration.ofMinutes(1));
        List<JsonNode> servers = servers(demo, "");
        assertThat(servers).extracting(s -> s.get("name").asText()).containsExactlyInAnyOrder("web-1", "web-2",
                "web-3");
        assertThat(servers).allMatch(s -> s.get("status").asText().equals("ACTIVE"));
        assertThat(servers).extracting(s -> s.at("/addresses/private/0/addr").asText()).doesNotHaveDuplicates();
        assertThat(servers).filteredOn(s -> s.get("name").asText().equals("web-1"))
                .singleElement().satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(first));
        for (JsonNode server : servers) {
            JsonNode actions = demo.get("/v2.1/servers/" + server.get("id").asText() + "/os-instance-actions").json();
            assertThat(actions.at("/instanceActions/0/request_id").asText())
                    .isEqualTo(created.header("x-openstack-request-id"));
        }
    }

    @Test
    void theServersShareAReservationAndCountTheirLaunchIndex() {
        Client.Response created = create(", \"max_count\": 3, \"return_reservation_id\": true");

        assertThat(created.status()).isEqualTo(202);
        String reservation = created.json().get("reservation_id").asText();
        assertThat(reservation).matches("r-[0-9a-z]{8}");
        assertThat(created.json().has("server")).isFalse();
        create(""); // another request, another reservation
        assertThat(servers(demo, "?reservation_id=" + reservation)).hasSize(3);
        Client admin = Client.as(sim, "admin", "admin").microversion("2.3");
        List<JsonNode> reserved = servers(admin, "?all_tenants=1&reservation_id=" + reservation);
        assertThat(reserved).allMatch(s -> s.get("OS-EXT-SRV-ATTR:reservation_id").asText().equals(reservation));
        assertThat(reserved).extracting(s -> s.get("name").asText() + "@" + s.get("OS-EXT-SRV-ATTR:launch_index")
                .asInt()).containsExactlyInAnyOrder("web-1@0", "web-2@1", "web-3@2");
    }

    @Test
    void oneServerKeepsItsNameWhateverTheCounts() {
        assertThat(create(", \"min_count\": 1, \"max_count\": 1").status()).isEqualTo(202);
        assertThat(servers(demo, "")).singleElement().satisfies(s -> assertThat(s.get("name").asText())
                .isEqualTo("web"));
    }

    @Test
    void badCountsAreRefusedAndBootNothing() {
        assertRefused(create(", \"min_count\": 3, \"max_count\": 2"), "min_count must be <= max_count");
        assertRefused(create(", \"max_count\": 0"),
                "Invalid input for field/attribute max_count. Value: 0. 0 is less than the minimum of 1");
        assertRefused(create(", \"min_count\": \"many\""), "Invalid input for field/attribute min_count. "
                + "Value: many. 'many' is not of type 'integer', 'string'");
        assertRefused(create(", \"max_count\": 100001"), "Invalid input for field/attribute max_count. "
                + "Value: 100001. 100001 is greater than the maximum of 100000 (novasim's limit for one request)");
        assertRefused(create(", \"max_count\": 2, \"networks\": [{\"port\": \"5b5f5f5f-0000-4000-8000-000000000001\"}]"),
                "Failed to launch instances: Unable to launch multiple instances with a single configured port ID. "
                        + "Please launch your instance one by one with different ports.");
        assertRefused(create(", \"max_count\": 2, \"networks\": [{\"uuid\": "
                        + "\"3cb9bc59-5699-4588-a4b1-b87f96708bc6\", \"fixed_ip\": \"10.0.0.50\"}]"),
                "Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is specified.");
        assertRefused(create(", \"return_reservation_id\": \"maybe\", \"max_count\": 2"),
                "Invalid input for field/attribute return_reservation_id. Value: maybe. 'maybe' is not of type "
                        + "'boolean', 'string'");
        assertThat(servers(demo, "")).isEmpty();
    }

    @Test
    void moreServersThanTheNetworkHasAddressesBootNone() {
        // the demo network is a /24: 253 addresses for servers
        Client.Response refused = create(", \"max_count\": 254");

        assertRefused(refused, "No fixed IP addresses available for network: 3cb9bc59-5699-4588-a4b1-b87f96708bc6");
        assertThat(servers(demo, "")).isEmpty();
        assertThat(demo.get("/network/v2.0/ports?device_owner=compute:nova").json().get("ports")).isEmpty();
        assertThat(create(", \"max_count\": 253").status()).isEqualTo(202);
    }

    private static void assertRefused(Client.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().at("/badRequest/message").asText()).isEqualTo(message);
    }
}
