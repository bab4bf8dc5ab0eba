package io.novasim.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /servers/{id}/tags} from 2.26, answered and gated as Nova's server_tags controller does. */
@Timeout(30)
class ServerTagsTest extends SeededCloudTest {
    private Client at226;
    private String server;
    private String path;

    ServerTagsTest() {
        super(9);
    }

    @BeforeEach
    void aServer() {
        at226 = demo.microversion("2.26");
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        path = "/v2.1/servers/" + server + "/tags";
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void tagsAreAddedCheckedReplacedAndRemoved() {
        Client.Response added = at226.put(path + "/blue", null);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(sim.baseUri().toString().replaceAll("/$", "")
                + "/v2.1/servers/" + server + "/tags/blue");
        assertThat(at226.put(path + "/blue", null).status()).as("already there").isEqualTo(204);
        assertThat(at226.get(path + "/blue").status()).isEqualTo(204);
        fault(at226.get(path + "/red"), 404, "itemNotFound", "Server " + server + " has no tag 'red'");
        assertThat(at226.get(path).json().toString()).isEqualTo("{\"tags\":[\"blue\"]}");
        assertThat(at226.get("/v2.1/servers/" + server).json().at("/server/tags").toString())
                .isEqualTo("[\"blue\"]");
        Client.Response replaced = at226.put(path, "{\"tags\": [\"a\", \"b\"]}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().toString()).isEqualTo("{\"tags\":[\"a\",\"b\"]}");
        assertThat(at226.delete(path + "/a").status()).isEqualTo(204);
        fault(at226.delete(path + "/a"), 404, "itemNotFound", "Instance " + server + " has no tag 'a'");
        assertThat(at226.delete(path).status()).isEqualTo(204);
        assertThat(at226.get(path).json().get("tags").isEmpty()).isTrue();
    }

    @Test
    void below226TheRoutesAreNotThere() {
        fault(demo.microversion("2.25").put(path + "/blue", null), 404, "itemNotFound",
                "The resource could not be found.");
        fault(demo.get(path), 404, "itemNotFound", "The resource could not be found.");
    }

    @Test
    void tagsAreCheckedAndLimitedAsNovaChecksThem() {
        fault(at226.put(path + "/a,b", null), 400, "badRequest", "Tag 'a,b' is invalid. It must be a non empty "
                + "string without characters '/' and ','. Validation error message: 'a,b' does not match "
                + "'^[^,/]*$'");
        String longTag = "t".repeat(61);
        fault(at226.put(path + "/" + longTag, null), 400, "badRequest", "Tag '" + longTag + "' is invalid. It must "
                + "be a non empty string without characters '/' and ','. Validation error message: '" + longTag
                + "' is too long");
        fault(at226.put(path + "/blue", "{\"a\": 1}"), 400, "badRequest", "{'a': 1} is not of type 'null'");
        fault(at226.put(path, "{\"tags\": [\"ok\", \"no/slash\"]}"), 400, "badRequest",
                "Invalid input for field/attribute 1. Value: no/slash. 'no/slash' does not match '^[^,/]*$'");
        StringBuilder fifty = new StringBuilder("{\"tags\": [");
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ", ").append("\"t").append(i).append('"');
        }
        assertThat(at226.put(path, fifty.append("]}").toString()).status()).isEqualTo(200);
        fault(at226.put(path + "/one-more", null), 400, "badRequest",
                "The number of tags exceeded the per-server limit 50");
    }

    @Test
    void changesAreGatedByTheVmStateOnly() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"lock\": null}");
        assertThat(at226.put(path + "/locked-ok", null).status()).as("tags ignore the lock").isEqualTo(201);
        demo.post("/v2.1/servers/" + server + "/action", "{\"unlock\": null}");
        demo.post("/v2.1/servers/" + server + "/action", "{\"os-stop\": null}");
        assertThat(at226.put(path + "/stopping-ok", null).status()).as("tags ignore the task").isEqualTo(201);
        sim.control().advance(Duration.ofSeconds(30));
        demo.post("/v2.1/servers/" + server + "/action", "{\"rescue\": null}");
        sim.control().advance(Duration.ofSeconds(30));
        fault(at226.put(path + "/x", null), 409, "conflictingRequest",
                "Cannot 'update tag' instance " + server + " while it is in vm_state rescued");
        fault(at226.delete(path), 409, "conflictingRequest",
                "Cannot 'delete tags' instance " + server + " while it is in vm_state rescued");
        assertThat(at226.get(path).status()).as("reads are not gated").isEqualTo(200);
    }
}
