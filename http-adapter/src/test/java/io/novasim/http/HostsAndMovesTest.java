package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import io.novasim.model.catalog.ComputeHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two compute hosts: the scheduler spreads servers over them, an admin migrates and evacuates, and os-services,
 * os-hypervisors and os-availability-zone show them.
 */
@Timeout(30)
class HostsAndMovesTest extends SeededCloudTest {
    private static final String BOOT = """
            {"server": {"name": "%s", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""";
    private Client admin;

    HostsAndMovesTest() {
        super(81, builder -> builder.setup(CloudSetup.demo().withHosts(new ComputeHost("compute-a", "nova"),
                new ComputeHost("compute-b", "nova"))));
    }

    @BeforeEach
    void logInTheAdmin() {
        admin = Client.as(sim, "admin", "admin").microversion("2.80");
    }

    private String boot(String name) {
        String id = demo.post("/v2.1/servers", BOOT.formatted(name)).json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        return id;
    }

    private JsonNode asAdmin(String server) {
        return admin.get("/v2.1/servers/" + server).json().get("server");
    }

    @Test
    void serversAreSpreadAndAColdMigrationMovesOneToTheOtherHost() {
        String first = boot("one");
        String second = boot("two");
        String firstHost = asAdmin(first).get("OS-EXT-SRV-ATTR:host").asText();
        assertThat(firstHost).isEqualTo("compute-a");
        assertThat(asAdmin(second).get("OS-EXT-SRV-ATTR:host").asText()).as("spread").isEqualTo("compute-b");
        assertThat(asAdmin(first).get("hostId").asText()).isNotEqualTo(asAdmin(second).get("hostId").asText());

        Client.Response refused = demo.post("/v2.1/servers/" + first + "/action", "{\"migrate\": null}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.post("/v2.1/servers/" + first + "/action", "{\"migrate\": null}").status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(8));
        JsonNode moved = asAdmin(first);
        assertThat(moved.get("status").asText()).isEqualTo("VERIFY_RESIZE");
        assertThat(moved.get("OS-EXT-SRV-ATTR:host").asText()).isEqualTo("compute-b");
        JsonNode migration = admin.get("/v2.1/os-migrations?instance_uuid=" + first).json().at("/migrations/0");
        assertThat(migration.get("migration_type").asText()).isEqualTo("migration");
        assertThat(migration.get("source_compute").asText()).isEqualTo("compute-a");
        assertThat(migration.get("dest_compute").asText()).isEqualTo("compute-b");

        admin.post("/v2.1/servers/" + first + "/action", "{\"revertResize\": null}");
        sim.control().advance(Duration.ofSeconds(4));
        assertThat(asAdmin(first).get("OS-EXT-SRV-ATTR:host").asText()).as("back").isEqualTo("compute-a");

        Client.Response sameHost = admin.microversion("2.56").post("/v2.1/servers/" + first + "/action",
                "{\"migrate\": {\"host\": \"compute-a\"}}");
        assertThat(sameHost.json().at("/badRequest/message").asText())
                .isEqualTo("Cannot migrate to the host where the server exists.");
    }

    @Test
    void aLiveMigrationMovesARunningServerAndShowsWhileItRuns() {
        String server = boot("live");
        String from = asAdmin(server).get("OS-EXT-SRV-ATTR:host").asText();
        Client.Response accepted = admin.post("/v2.1/servers/" + server + "/action",
                "{\"os-migrateLive\": {\"block_migration\": \"auto\", \"host\": null}}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(asAdmin(server).get("status").asText()).isEqualTo("MIGRATING");
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode running = admin.get("/v2.1/servers/" + server + "/migrations").json().at("/migrations/0");
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(running.get("source_compute").asText()).isEqualTo(from);
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode moved = asAdmin(server);
        assertThat(moved.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(moved.get("OS-EXT-SRV-ATTR:host").asText()).isNotEqualTo(from);
        assertThat(admin.get("/v2.1/servers/" + server + "/migrations").json().get("migrations")).isEmpty();
        assertThat(admin.get("/v2.1/os-migrations?migration_type=live-migration").json()
                .at("/migrations/0/status").asText()).isEqualTo("completed");
        Client.Response noHost = admin.post("/v2.1/servers/" + server + "/action",
                "{\"os-migrateLive\": {\"block_migration\": false, \"host\": \"nowhere\"}}");
        assertThat(noHost.json().at("/badRequest/message").asText())
                .isEqualTo("Compute host nowhere could not be found.");
    }

    @Test
    void aServerOfADownHostIsEvacuated() {
        String server = boot("web");
        String host = asAdmin(server).get("OS-EXT-SRV-ATTR:host").asText();
        Client services = Client.as(sim, "admin", "admin").microversion("2.53");
        JsonNode compute = null;
        for (JsonNode service : services.get("/v2.1/os-services?binary=nova-compute").json().get("services")) {
            if (service.get("host").asText().equals(host)) {
                compute = service;
            }
        }
        assertThat(compute).isNotNull();
        assertThat(compute.get("state").asText()).isEqualTo("up");
        Client.Response inUse = services.post("/v2.1/servers/" + server + "/action", "{\"evacuate\": {}}");
        assertThat(inUse.json().at("/badRequest/message").asText())
                .isEqualTo("Compute service of " + host + " is still in use.");

        Client.Response down = services.put("/v2.1/os-services/" + compute.get("id").asText(),
                "{\"forced_down\": true}");
        assertThat(down.status()).as(down.toString()).isEqualTo(200);
        assertThat(down.json().at("/service/state").asText()).isEqualTo("down");
        assertThat(services.post("/v2.1/servers/" + server + "/action", "{\"evacuate\": {}}").status())
                .isEqualTo(200);
        assertThat(asAdmin(server).get("status").asText()).isEqualTo("REBUILD");
        sim.control().advance(Duration.ofSeconds(6));
        JsonNode evacuated = asAdmin(server);
        assertThat(evacuated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(evacuated.get("OS-EXT-SRV-ATTR:host").asText()).isNotEqualTo(host);
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .at("/instanceActions/0/action").asText()).isEqualTo("evacuate");

        JsonNode hypervisors = services.get("/v2.1/os-hypervisors/detail").json().get("hypervisors");
        assertThat(hypervisors).hasSize(2);
        assertThat(hypervisors).anySatisfy(h -> assertThat(h.get("state").asText()).isEqualTo("down"));
        JsonNode zones = demo.get("/v2.1/os-availability-zone").json().get("availabilityZoneInfo");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).get("zoneName").asText()).isEqualTo("nova");
        assertThat(zones.get(0).get("hosts").isNull()).isTrue();
        assertThat(demo.get("/v2.1/os-hypervisors").status()).isEqualTo(403);
    }
}
