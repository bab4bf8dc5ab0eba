package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.CloudSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore brings back everything the API keeps, since all of it lives in the engine: what changed after the
 * snapshot (key pairs, a server's description, tags and hostname, a volume's description and metadata) is gone, what
 * was there is back, and later requests do not reuse request ids.
 */
@Timeout(30)
class SnapshotRestoreTest extends SeededCloudTest {
    static final String VOLUMES = "/volume/v3/" + CloudSetup.DEMO_PROJECT + "/volumes";

    Client admin;

    SnapshotRestoreTest() {
        super(13);
    }

    @BeforeEach
    void fresh() {
        admin = Client.as(sim, "admin", "admin");
        demo = demo.microversion("2.90");
    }

    private String snapshot() {
        Client.Response snapshot = admin.get("/__sim/v1/snapshot");
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(200);
        return snapshot.text();
    }

    private void restore(String snapshot) {
        Client.Response restored = admin.post("/__sim/v1/restore", snapshot);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    }

    private String createServer(String extra) {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "networks": "auto"%s}}"""
                .formatted(ServersApiTest.IMAGE, extra));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().at("/server/id").asText();
    }

    private JsonNode server(String id) {
        return demo.get("/v2.1/servers/" + id).json().get("server");
    }

    @Test
    void aKeyPairCreatedAfterTheSnapshotIsGoneAfterTheRestore() {
        String snapshot = snapshot();
        String key = demo.post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}").json()
                .at("/keypair/public_key").asText();
        assertThat(demo.get("/v2.1/os-keypairs").json().get("keypairs")).hasSize(1);

        restore(snapshot);
        assertThat(demo.get("/v2.1/os-keypairs").json().get("keypairs")).isEmpty();
        assertThat(demo.get("/v2.1/os-keypairs/k").status()).isEqualTo(404);
        assertThat(demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "networks": "auto", "key_name": "k"}}"""
                .formatted(ServersApiTest.IMAGE)).json().at("/badRequest/message").asText())
                .isEqualTo("Invalid key_name provided.");
        assertThat(demo.post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}").json()
                .at("/keypair/public_key").asText()).as("the key stream is back where it was too").isEqualTo(key);
    }

    @Test
    void aKeyPairCreatedBeforeTheSnapshotIsBackAfterTheRestore() {
        demo.post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}");
        String snapshot = snapshot();
        assertThat(demo.delete("/v2.1/os-keypairs/k").status()).isEqualTo(204);

        restore(snapshot);
        assertThat(demo.get("/v2.1/os-keypairs/k").status()).isEqualTo(200);
    }

    @Test
    void aServersDescriptionHostnameAndNameGoBackToTheSnapshots() {
        String id = createServer(", \"description\": \"first\", \"tags\": [\"blue\"], \"hostname\": \"web-01\"");
        String snapshot = snapshot();
        Client.Response updated = demo.put("/v2.1/servers/" + id, """
                {"server": {"name": "db", "description": null, "hostname": "db-01"}}""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/server/description").isNull()).isTrue();

        restore(snapshot);
        JsonNode server = server(id);
        assertThat(server.get("name").asText()).isEqualTo("web");
        assertThat(server.get("description").asText()).isEqualTo("first");
        assertThat(server.get("OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("web-01");
        assertThat(server.get("tags")).extracting(JsonNode::asText).containsExactly("blue");
    }

    @Test
    void aServerMadeAfterTheRestoreWithAnIdUsedBeforeShowsNothingOfTheOldOnesDetails() {
        String snapshot = snapshot();
        String before = createServer(", \"description\": \"old\", \"tags\": [\"red\"], \"hostname\": \"old-01\"");

        restore(snapshot);
        String after = createServer("");
        assertThat(after).as("the seed makes the same id again").isEqualTo(before);
        JsonNode server = server(after);
        assertThat(server.get("description").isNull()).isTrue();
        assertThat(server.get("tags")).isEmpty();
        assertThat(server.get("OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("web");
    }

    @Test
    void aVolumesDescriptionAndMetadataSurviveTheRestoreAndALaterVolumesDoNot() {
        String kept = demo.post(VOLUMES, """
                {"volume": {"size": 1, "name": "kept", "description": "mine", "metadata": {"app": "db"}}}""")
                .json().at("/volume/id").asText();
        String snapshot = snapshot();
        String later = demo.post(VOLUMES, """
                {"volume": {"size": 1, "name": "later", "description": "later", "metadata": {"app": "web"}}}""")
                .json().at("/volume/id").asText();

        restore(snapshot);
        JsonNode volume = demo.get(VOLUMES + "/" + kept).json().get("volume");
        assertThat(volume.get("description").asText()).isEqualTo("mine");
        assertThat(volume.at("/metadata/app").asText()).isEqualTo("db");
        assertThat(volume.get("user_id").asText()).as("the demo user").isNotEqualTo("novasim");
        assertThat(demo.get(VOLUMES + "/" + later).status()).isEqualTo(404);

        String again = demo.post(VOLUMES, "{\"volume\": {\"size\": 1, \"name\": \"again\"}}").json()
                .at("/volume/id").asText();
        assertThat(again).as("the seed makes the same id again").isEqualTo(later);
        JsonNode fresh = demo.get(VOLUMES + "/" + again).json().get("volume");
        assertThat(fresh.get("description").isNull()).isTrue();
        assertThat(fresh.get("metadata")).isEmpty();
    }

    @Test
    void requestsAfterTheRestoreDoNotReuseTheRestoredWorldsRequestIds() {
        String id = createServer("");
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        demo.get("/v2.1/servers");
        String snapshot = snapshot();
        Set<String> used = new HashSet<>();
        admin.get("/__sim/v1/requests").json().get("requests").forEach(r -> used.add(r.get("request_id").asText()));
        assertThat(used).as("create and list").hasSize(2);
        admin.get("/__sim/v1/snapshot").json().get("history")
                .forEach(entry -> used.add(entry.get("request_id").asText())); // the setup's volumes' too
        String stoppedBefore = demo.post("/v2.1/servers/" + id + "/action", "{\"os-stop\": null}")
                .header("x-openstack-request-id");

        restore(snapshot);
        Client.Response stop = demo.post("/v2.1/servers/" + id + "/action", "{\"os-stop\": null}");
        assertThat(stop.status()).isEqualTo(202);
        String requestId = stop.header("x-openstack-request-id");
        assertThat(used).doesNotContain(requestId);
        assertThat(requestId).as("the restored cloud goes on as the recorded one did").isEqualTo(stoppedBefore);
        JsonNode actions = demo.get("/v2.1/servers/" + id + "/os-instance-actions").json().get("instanceActions");
        assertThat(actions).extracting(a -> a.get("action").asText()).containsExactly("stop", "create");
        assertThat(actions.get(0).get("request_id").asText()).isEqualTo(requestId);
    }

    @Test
    void anOlderSnapshotStillRestores() {
        String id = createServer("");
        demo.put("/v2.1/servers/" + id, "{\"server\": {\"name\": \"renamed\"}}");
        ObjectNode snapshot = (ObjectNode) admin.get("/__sim/v1/snapshot").json();
        // As written before: format 1 (callers and arguments in camelCase), no request count, a rename by its old
        // command, and no server or volume details.
        snapshot.put("format", "novasim-snapshot/1");
        snapshot.remove("request_ids_drawn");
        for (JsonNode entry : (ArrayNode) snapshot.get("history")) {
            if (entry.has("caller")) {
                ((ObjectNode) entry).set("caller", camelCase(entry.get("caller")));
                ((ObjectNode) entry).set("arguments", camelCase(entry.get("arguments")));
            }
            ObjectNode arguments = (ObjectNode) entry.get("arguments");
            switch (entry.path("command").asText()) {
                case "UpdateServer" -> {
                    ((ObjectNode) entry).put("command", "RenameServer");
                    arguments.retain("serverId", "name");
                }
                case "CreateServer" -> arguments.remove(List.of("keyName", "userData", "description", "tags",
                        "hostname"));
                case "CreateVolume" -> arguments.retain("name", "sizeGb", "multiattach", "bootable");
                default -> { }
            }
        }
        String state = admin.get("/__sim/v1/state").text();

        restore(snapshot.toString());
        assertThat(server(id).get("name").asText()).isEqualTo("renamed");
        assertThat(admin.get("/__sim/v1/state").text()).isEqualTo(state);
        assertThat(admin.post("/__sim/v1/restore", snapshot.put("request_ids_drawn", "many").toString()).status())
                .isEqualTo(400);
    }

    /** The object with its keys in camelCase at every level, as format 1 wrote them ({@code server_id}: {@code serverId}). */
    private static ObjectNode camelCase(JsonNode snake) {
        ObjectNode camel = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        snake.fields().forEachRemaining(field -> {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : field.getKey().toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                value = camelCase(value);
            } else if (value.isArray()) {
                ArrayNode items = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                value.forEach(item -> items.add(item.isObject() ? camelCase(item) : item));
                value = items;
            }
            camel.set(name.toString(), value);
        });
        return camel;
    }
}
