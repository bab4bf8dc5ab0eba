package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** resize, confirmResize and revertResize over HTTP, and the migrations an admin lists. */
@Timeout(30)
class ResizeHttpTest extends SeededCloudTest {
    private String server;

    ResizeHttpTest() {
        super(51);
    }

    @BeforeEach
    void anActiveServer() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private Client.Response act(String body) {
        return demo.post("/v2.1/servers/" + server + "/action", body);
    }

    private JsonNode shown() {
        return demo.get("/v2.1/servers/" + server).json().get("server");
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void aResizeWaitsInVerifyResizeAndAConfirmAnswers204() {
        assertThat(act("{\"resize\": {\"flavorRef\": \"2\"}}").status()).isEqualTo(202);
        assertThat(shown().get("status").asText()).isEqualTo("RESIZE");
        sim.control().advance(Duration.ofSeconds(8));
        JsonNode resized = shown();
        assertThat(resized.get("status").asText()).isEqualTo("VERIFY_RESIZE");
        assertThat(resized.at("/flavor/id").asText()).isEqualTo("2");

        Client admin = Client.as(sim, "admin", "admin").microversion("2.80");
        JsonNode migration = admin.get("/v2.1/os-migrations").json().at("/migrations/0");
        assertThat(migration.get("status").asText()).isEqualTo("finished");
        assertThat(migration.get("migration_type").asText()).isEqualTo("resize");
        assertThat(migration.get("instance_uuid").asText()).isEqualTo(server);
        assertThat(migration.get("old_instance_type_id").asInt()).isNotEqualTo(
                migration.get("new_instance_type_id").asInt());
        assertThat(migration.has("uuid")).isTrue();
        assertThat(admin.get("/v2.1/os-migrations?status=confirmed").json().get("migrations")).isEmpty();
        fault(demo.get("/v2.1/os-migrations"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-migrations:index to be performed.");

        assertThat(act("{\"confirmResize\": null}").status()).isEqualTo(204);
        fault(act("{\"confirmResize\": null}"), 400, "badRequest", "Instance has not been resized.");
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(shown().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown().at("/flavor/id").asText()).isEqualTo("2");
    }

    @Test
    void aRevertGoesBackToTheOldFlavor() {
        act("{\"resize\": {\"flavorRef\": \"2\"}}");
        sim.control().advance(Duration.ofSeconds(8));
        assertThat(act("{\"revertResize\": null}").status()).isEqualTo(202);
        assertThat(shown().get("status").asText()).isEqualTo("REVERT_RESIZE");
        sim.control().advance(Duration.ofSeconds(4));
        assertThat(shown().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown().at("/flavor/id").asText()).isEqualTo("1");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .at("/instanceActions/0/action").asText()).isEqualTo("revertResize");
    }

    @Test
    void aColdMigrationOnAOneHostCloudFindsNoHostAndLeavesTheServerAsItWas() {
        Client admin = Client.as(sim, "admin", "admin").microversion("2.23");
        assertThat(admin.post("/v2.1/servers/" + server + "/action", "{\"migrate\": null}").status()).isEqualTo(202);
        assertThat(shown().get("status").asText()).isEqualTo("RESIZE");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(shown().get("status").asText()).isEqualTo("ACTIVE");
        JsonNode migration = admin.get("/v2.1/os-migrations").json().at("/migrations/0");
        assertThat(migration.get("status").asText()).isEqualTo("error");
        assertThat(migration.get("migration_type").asText()).isEqualTo("migration");
        JsonNode event = admin.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .at("/instanceActions/0");
        assertThat(event.get("action").asText()).isEqualTo("migrate");
        assertThat(event.get("message").asText()).isEqualTo("Error");
    }

    @Test
    void refusalsAreNovas() {
        fault(act("{\"resize\": {\"flavorRef\": \"1\"}}"), 400, "badRequest",
                "When resizing, instances must change flavor!");
        fault(act("{\"resize\": {\"flavorRef\": \"77\"}}"), 400, "badRequest", "Flavor 77 could not be found.");
        fault(act("{\"resize\": {}}"), 400, "badRequest",
                "Invalid input for field/attribute resize. Value: {}. 'flavorRef' is a required property");
        fault(act("{\"revertResize\": null}"), 409, "conflictingRequest",
                "Cannot 'revertResize' instance " + server + " while it is in vm_state active");
    }
}
