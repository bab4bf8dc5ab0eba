package io.novasim.http;

import io.novasim.model.error.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /servers/{id}/metadata}, answered and gated as Nova's server_metadata controller and compute API do. */
@Timeout(30)
class ServerMetadataTest extends SeededCloudTest {
    private String server;
    private String path;

    ServerMetadataTest() {
        super(8);
    }

    @BeforeEach
    void aServer() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1",
                 "metadata": {"role": "web"}}}""").json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        path = "/v2.1/servers/" + server + "/metadata";
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void itemsAreMergedReplacedShownAndDeleted() {
        assertThat(demo.get(path).json().get("metadata").toString()).isEqualTo("{\"role\":\"web\"}");
        Client.Response merged = demo.post(path, "{\"metadata\": {\"tier\": \"front\"}}");
        assertThat(merged.status()).as("Nova answers a merge 200").isEqualTo(200);
        assertThat(merged.json().get("metadata").toString()).isEqualTo("{\"role\":\"web\",\"tier\":\"front\"}");
        assertThat(demo.get(path + "/tier").json().toString()).isEqualTo("{\"meta\":{\"tier\":\"front\"}}");
        Client.Response one = demo.put(path + "/role", "{\"meta\": {\"role\": \"db\"}}");
        assertThat(one.json().toString()).isEqualTo("{\"meta\":{\"role\":\"db\"}}");
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/metadata").toString())
                .isEqualTo("{\"role\":\"db\",\"tier\":\"front\"}");
        Client.Response replaced = demo.put(path, "{\"metadata\": {\"only\": \"this\"}}");
        assertThat(replaced.json().get("metadata").toString()).isEqualTo("{\"only\":\"this\"}");
        assertThat(demo.delete(path + "/only").status()).isEqualTo(204);
        assertThat(demo.get(path).json().get("metadata").isEmpty()).isTrue();
        fault(demo.get(path + "/only"), 404, "itemNotFound", "Metadata item was not found");
        fault(demo.delete(path + "/only"), 404, "itemNotFound", "Metadata item was not found");
    }

    @Test
    void bodiesAreCheckedAsNovasSchemaChecksThem() {
        fault(demo.put(path + "/role", "{\"meta\": {\"other\": \"x\"}}"), 400, "badRequest",
                "Request body and URI mismatch");
        fault(demo.put(path + "/role", "{\"meta\": {\"role\": \"x\", \"b\": \"y\"}}"), 400, "badRequest",
                "Invalid input for field/attribute meta. Value: {'role': 'x', 'b': 'y'}. "
                        + "{'role': 'x', 'b': 'y'} has too many properties");
        fault(demo.post(path, "{\"metadata\": {\"bad/key\": \"x\"}}"), 400, "badRequest",
                "Invalid input for field/attribute metadata. Value: {'bad/key': 'x'}. 'bad/key' does not match any "
                        + "of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
        fault(demo.post(path, "{\"metadata\": {\"n\": 1}}"), 400, "badRequest",
                "Invalid input for field/attribute n. Value: 1. 1 is not of type 'string'");
        fault(demo.post(path, "{\"metadata\": {\"n\": \"" + "v".repeat(256) + "\"}}"), 400, "badRequest",
                "Invalid input for field/attribute n. Value: " + "v".repeat(256) + ". '" + "v".repeat(256)
                        + "' is too long");
        fault(demo.post(path, "{\"meta\": {}}"), 400, "badRequest", "'metadata' is a required property");
        fault(demo.post(path, "{\"metadata\": {}, \"meta\": {}}"), 400, "badRequest",
                "Additional properties are not allowed ('meta' was unexpected)");
        fault(demo.post(path, "{\"metadata\": {\"bad/key\": \"x\", \"n\": 1}}"), 400, "badRequest",
                "Invalid input for field/attribute n. Value: 1. 1 is not of type 'string'");
        fault(demo.put(path + "/role", "{\"meta\": {\"role\": 1, \"b\": \"y\"}}"), 400, "badRequest",
                "Invalid input for field/attribute role. Value: 1. 1 is not of type 'string'");
        assertThat(demo.get(path).json().get("metadata").toString()).as("nothing was applied")
                .isEqualTo("{\"role\":\"web\"}");
    }

    @Test
    void changesAreGatedByTheLockTheStateAndTheQuota() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"lock\": null}");
        fault(demo.post(path, "{\"metadata\": {\"a\": \"b\"}}"), 409, "conflictingRequest",
                "Instance " + server + " is locked");
        assertThat(demo.get(path + "/role").status()).as("reads pass a lock").isEqualTo(200);
        Client admin = Client.as(sim, "admin", "admin");
        assertThat(admin.post(path, "{\"metadata\": {\"a\": \"b\"}}").status()).as("an admin passes it")
                .isEqualTo(200);
        demo.post("/v2.1/servers/" + server + "/action", "{\"unlock\": null}");

        demo.post("/v2.1/servers/" + server + "/action", "{\"os-stop\": null}");
        fault(demo.delete(path + "/a"), 409, "conflictingRequest",
                "Cannot 'delete metadata' instance " + server + " while it is in task_state powering-off");
        sim.control().advance(Duration.ofSeconds(30));
        assertThat(demo.delete(path + "/a").status()).as("stopped is a state metadata may change in").isEqualTo(204);
        demo.post("/v2.1/servers/" + server + "/action", "{\"rescue\": null}");
        sim.control().advance(Duration.ofSeconds(30));
        fault(demo.post(path, "{\"metadata\": {\"a\": \"b\"}}"), 409, "conflictingRequest",
                "Cannot 'update metadata' instance " + server + " while it is in vm_state rescued");

        demo.post("/v2.1/servers/" + server + "/action", "{\"unrescue\": null}");
        sim.control().advance(Duration.ofSeconds(30));
        StringBuilder many = new StringBuilder("{\"metadata\": {");
        for (int i = 0; i < 128; i++) {
            many.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        many.append("}}");
        fault(demo.post(path, many.toString()), 403, "forbidden", "Maximum number of metadata items exceeds 128");
        String tooMany = many.toString().replace("\"k0\": \"v\"", "\"k0\": \"v\", \"k128\": \"v\"");
        fault(demo.post("/v2.1/servers", "{\"server\": {\"name\": \"meta\", \"imageRef\": "
                + "\"70a599e0-31e7-49b7-b260-868f441e862b\", \"flavorRef\": \"1\", "
                + tooMany.substring(1, tooMany.length() - 1) + "}}"), 403, "forbidden",
                "Maximum number of metadata items exceeds 128");
        assertThat(demo.put(path, many.toString()).status()).as("a replace of 128 fits").isEqualTo(200);
        assertThat(sim.control().requests()).anySatisfy(r -> assertThat(r.refusalId())
                .isEqualTo(Refusal.METADATA_LIMIT_EXCEEDED));
    }

    @Test
    void aServerThatNeverLaunchedKeepsItsMetadata() {
        String fresh = demo.post("/v2.1/servers", """
                {"server": {"name": "new", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        Client admin = Client.as(sim, "admin", "admin");
        admin.post("/v2.1/servers/" + fresh + "/action", "{\"os-resetState\": {\"state\": \"active\"}}");
        fault(demo.post("/v2.1/servers/" + fresh + "/metadata", "{\"metadata\": {\"a\": \"b\"}}"), 409,
                "conflictingRequest", "Instance " + fresh + " is in an invalid state for 'update metadata'");
    }
}
