package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild action, answered and carried out as Nova's servers controller and compute manager do. */
@Timeout(30)
class RebuildTest extends SeededCloudTest {
    private static final String CIRROS = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    private String server;

    RebuildTest() {
        super(31);
    }

    @BeforeEach
    void anActiveServer() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "metadata": {"a": "1"}}}"""
                .formatted(CIRROS)).json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private Client.Response rebuild(Client client, String argument) {
        return client.post("/v2.1/servers/" + server + "/action", "{\"rebuild\": " + argument + "}");
    }

    private JsonNode shown() {
        return demo.get("/v2.1/servers/" + server).json().get("server");
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void aRebuildTakesTheNewImageAndWhatItSendsThenPassesItsTaskStates() {
        String launched = shown().get("OS-SRV-USG:launched_at").asText();
        Client.Response answer = rebuild(demo.microversion("2.57"), """
                {"imageRef": "%s", "name": "web-2", "metadata": {"b": "2"}, "user_data": "aGk=", "adminPass": "s3"}"""
                .formatted(ISO));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Location")).endsWith("/v2.1/servers/" + server);
        JsonNode body = answer.json().get("server");
        assertThat(body.get("status").asText()).isEqualTo("REBUILD");
        assertThat(body.get("name").asText()).isEqualTo("web-2");
        assertThat(body.at("/image/id").asText()).isEqualTo(ISO);
        assertThat(body.get("metadata").toString()).as("replaced, not merged").isEqualTo("{\"b\":\"2\"}");
        assertThat(body.get("adminPass").asText()).isEqualTo("s3");
        assertThat(body.get("user_data").asText()).isEqualTo("aGk=");
        assertThat(body.has("key_name")).as("2.54 on").isTrue();
        assertThat(body.has("OS-EXT-STS:vm_state")).as("no extended attributes before 2.75").isFalse();

        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("rebuilding");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("rebuild_block_device_mapping");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("rebuild_spawning");
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode done = shown();
        assertThat(done.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(done.get("OS-SRV-USG:launched_at").asText()).as("spawned anew").isNotEqualTo(launched);
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json().at("/instanceActions/0/action")
                .asText()).isEqualTo("rebuild");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-interface").json().get("interfaceAttachments"))
                .as("its port is kept").hasSize(1);
    }

    @Test
    void aStoppedServerIsStoppedAgainAndAPasswordIsMadeWhenNoneIsGiven() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"os-stop\": null}");
        sim.control().advance(Duration.ofSeconds(2));
        Client.Response answer = rebuild(demo, "{\"imageRef\": \"" + CIRROS + "\"}");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().at("/server/adminPass").asText()).hasSize(12);
        assertThat(answer.json().get("server").has("key_name")).as("not before 2.54").isFalse();
        assertThat(shown().get("status").asText()).isEqualTo("REBUILD");
        sim.control().advance(Duration.ofSeconds(6));
        assertThat(shown().get("status").asText()).isEqualTo("SHUTOFF");
        assertThat(shown().get("metadata").toString()).as("kept when not sent").isEqualTo("{\"a\":\"1\"}");
    }

    @Test
    void refusalsComeInNovasOrderAndWords() {
        fault(rebuild(demo, "{}"), 400, "badRequest",
                "Invalid input for field/attribute rebuild. Value: {}. 'imageRef' is a required property");
        fault(rebuild(demo, "{\"imageRef\": \"nope\"}"), 400, "badRequest",
                "Invalid input for field/attribute imageRef. Value: nope. 'nope' is not a 'uuid'");
        fault(rebuild(demo, "{\"imageRef\": \"" + CIRROS + "\", \"user_data\": \"x\"}"), 400, "badRequest",
                "Invalid input for field/attribute rebuild. Value: {'imageRef': '" + CIRROS + "', 'user_data': "
                        + "'x'}. Additional properties are not allowed ('user_data' was unexpected)");
        fault(rebuild(demo, "{\"imageRef\": \"11111111-2222-3333-4444-555555555555\"}"), 400, "badRequest",
                "Cannot find image for rebuild");
        fault(rebuild(demo.microversion("2.54"), "{\"imageRef\": \"" + CIRROS + "\", \"key_name\": \"none\"}"),
                400, "badRequest", "Invalid key_name provided.");
        demo.post("/v2.1/servers/" + server + "/action", "{\"pause\": null}");
        sim.control().advance(Duration.ofSeconds(1));
        fault(rebuild(demo, "{\"imageRef\": \"" + CIRROS + "\"}"), 409, "conflictingRequest",
                "Cannot 'rebuild' instance " + server + " while it is in vm_state paused");
    }
}
