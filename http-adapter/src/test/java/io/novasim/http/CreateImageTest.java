package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** createImage: Nova's snapshot task_states on the server, and the image Glance shows queued, saving and active. */
@Timeout(30)
class CreateImageTest extends SeededCloudTest {
    private static final String CIRROS = "70a599e0-31e7-49b7-b260-868f441e862b";
    private String server;

    CreateImageTest() {
        super(41);
    }

    @BeforeEach
    void anActiveServer() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(CIRROS))
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private Client.Response snapshot(Client client, String argument) {
        return client.post("/v2.1/servers/" + server + "/action", "{\"createImage\": " + argument + "}");
    }

    private String taskState() {
        return demo.get("/v2.1/servers/" + server).json().at("/server/OS-EXT-STS:task_state").asText();
    }

    private JsonNode image(String id) {
        return demo.get("/image/v2/images/" + id).json();
    }

    @Test
    void aSnapshotIsQueuedThenSavingThenActive() {
        Client.Response answer = snapshot(demo, "{\"name\": \"web-snap\", \"metadata\": {\"purpose\": \"backup\"}}");
        assertThat(answer.status()).isEqualTo(202);
        String location = answer.header("Location");
        assertThat(location).startsWith(sim.baseUri().toString().replaceAll("/$", "") + "/image/images/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        JsonNode queued = image(id);
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("visibility").asText()).isEqualTo("private");
        assertThat(queued.get("image_type").asText()).isEqualTo("snapshot");
        assertThat(queued.get("instance_uuid").asText()).isEqualTo(server);
        assertThat(queued.get("base_image_ref").asText()).isEqualTo(CIRROS);
        assertThat(queued.get("purpose").asText()).isEqualTo("backup");
        assertThat(queued.get("size").isNull()).isTrue();
        assertThat(taskState()).isEqualTo("image_snapshot_pending");

        sim.control().advance(Duration.ofSeconds(6));
        assertThat(taskState()).isEqualTo("image_uploading");
        assertThat(image(id).get("status").asText()).isEqualTo("saving");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(taskState()).isEqualTo("null");
        JsonNode active = image(id);
        assertThat(active.get("status").asText()).isEqualTo("active");
        assertThat(active.get("disk_format").asText()).isEqualTo("qcow2");
        assertThat(active.get("size").asLong()).isPositive();
        assertThat(demo.get("/image/v2/images").json().get("images")).extracting(i -> i.get("id").asText())
                .contains(id);
        assertThat(Client.as(sim, "alt", "alt").get("/image/v2/images/" + id).status())
                .as("private to the project").isEqualTo(404);
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .at("/instanceActions/0/action").asText()).isEqualTo("createImage");

        assertThat(demo.delete("/image/v2/images/" + id).status()).isEqualTo(204);
        assertThat(image(id).at("/code").asText()).isEqualTo("404 Not Found");
    }

    @Test
    void backupsRotate() {
        Client at245 = demo.microversion("2.45");
        String body = "{\"createBackup\": {\"name\": \"%s\", \"backup_type\": \"daily\", \"rotation\": 1}}";
        String first = at245.post("/v2.1/servers/" + server + "/action", body.formatted("b1")).json()
                .get("image_id").asText();
        assertThat(taskState()).isEqualTo("image_backup");
        sim.control().advance(Duration.ofSeconds(6));
        assertThat(image(first).get("image_type").asText()).isEqualTo("backup");
        assertThat(image(first).get("backup_type").asText()).isEqualTo("daily");
        assertThat(image(first).get("status").asText()).isEqualTo("active");
        Client.Response second = demo.post("/v2.1/servers/" + server + "/action", body.formatted("b2"));
        assertThat(second.header("Location")).contains("/v2.1/images/");
        sim.control().advance(Duration.ofSeconds(6));
        assertThat(image(first).at("/code").asText()).as("rotated out").isEqualTo("404 Not Found");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .at("/instanceActions/0/action").asText()).isEqualTo("createBackup");
    }

    @Test
    void from245TheBodyNamesTheImage() {
        Client.Response answer = snapshot(demo.microversion("2.45"), "{\"name\": \"snap\"}");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Location")).isNull();
        assertThat(image(answer.json().get("image_id").asText()).get("name").asText()).isEqualTo("snap");
    }

    @Test
    void aLockedServerIsSnapshotButAPausedOneBeingPausedIsNot() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"lock\": null}");
        assertThat(snapshot(demo, "{\"name\": \"locked\"}").status()).as("Nova checks no lock").isEqualTo(202);
        Client.Response busy = snapshot(demo, "{\"name\": \"again\"}");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().at("/conflictingRequest/message").asText()).isEqualTo("Cannot 'createImage' "
                + "instance " + server + " while it is in task_state image_snapshot_pending");
        assertThat(snapshot(demo, "{}").json().at("/badRequest/message").asText())
                .isEqualTo("Invalid input for field/attribute createImage. Value: {}. 'name' is a required property");
    }

    @Test
    void aSnapshotCutShortByADeleteLeavesNoImage() {
        String location = snapshot(demo, "{\"name\": \"doomed\"}").header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        demo.delete("/v2.1/servers/" + server);
        assertThat(image(id).at("/code").asText()).isEqualTo("404 Not Found");
        assertThat(demo.delete("/image/v2/images/" + CIRROS).status()).as("not the caller's").isEqualTo(403);
    }
}
