package io.novasim.http;

import io.novasim.RecordedRequest;
import io.novasim.model.error.Refusal;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refused request names, in the journal and the control plane's listing, its refusal and the rule behind it. */
@Timeout(30)
class RefusalJournalTest {
    private static final String PROJECT = "6f70656e737461636b20342065766572";
    static NovaSimulator sim;

    @BeforeAll
    static void start() {
        sim = NovaSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static RecordedRequest last() {
        List<RecordedRequest> journal = sim.control().requests();
        return journal.get(journal.size() - 1);
    }

    @Test
    void theCoreTheAdapterAndEveryServiceSayWhy() {
        Client demo = Client.as(sim, "demo", "demo");
        String server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        assertThat(last().refusal()).as("an accepted request").isNull();
        assertThat(last().refusalId()).isNull();
        assertThat(last().refusalLine()).isNull();
        sim.control().advance(Duration.ofSeconds(5));
        String port = demo.get("/v2.1/servers/" + server + "/os-interface").json()
                .at("/interfaceAttachments/0/port_id").asText();
        demo.post("/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}");

        assertThat(demo.delete("/v2.1/servers/" + server + "/os-interface/" + port).status()).isEqualTo(409);
        assertThat(last().refusal()).isEqualTo("detach_interface refused: task_state rebooting is not None (rule:"
                + " task_state must be None)");
        assertThat(last().refusalId()).isEqualTo(Refusal.INSTANCE_INVALID_STATE);
        assertThat(last().refusalLine()).isEqualTo("[INSTANCE_INVALID_STATE] detach_interface refused: task_state"
                + " rebooting is not None (rule: task_state must be None)");

        assertThat(demo.get("/v2.1/servers/nope").status()).isEqualTo(404);
        assertThat(last().refusal()).startsWith("GET /v2.1/servers/nope refused: ");
        assertThat(last().refusalId()).isEqualTo(Refusal.INSTANCE_NOT_FOUND);

        assertThat(demo.post("/v2.1/servers", "{\"server\": {}}").status()).isEqualTo(400);
        assertThat(last().refusal()).startsWith("POST /v2.1/servers refused: Invalid input")
                .endsWith("(rule: the API answers 400 badRequest here)");
        assertThat(last().refusalId()).isEqualTo(Refusal.INVALID_INPUT);

        assertThat(Client.anonymous(sim).get("/v2.1/servers").status()).isEqualTo(401);
        assertThat(last().refusal()).startsWith("GET /v2.1/servers refused: no valid credentials (rule: ");
        assertThat(last().refusalId()).as("a refusal made without an exception").isEqualTo(Refusal.UNAUTHORIZED);

        assertThat(demo.get("/network/v2.0/ports/nope").status()).isEqualTo(404);
        assertThat(last().refusal()).startsWith("GET /network/v2.0/ports/nope refused: Port nope could not be found");
        assertThat(last().refusalId()).isEqualTo(Refusal.NEUTRON_PORT_NOT_FOUND);
        assertThat(demo.get("/image/v2/images/nope").status()).isEqualTo(404);
        assertThat(last().refusalId()).isEqualTo(Refusal.GLANCE_IMAGE_NOT_FOUND);
        assertThat(demo.get("/volume/v3/" + PROJECT + "/volumes/nope").status()).isEqualTo(404);
        assertThat(last().refusalId()).isEqualTo(Refusal.VOLUME_NOT_FOUND);

        Client admin = Client.as(sim, "admin", "admin");
        assertThat(admin.get("/__sim/v1/requests").json().findValuesAsText("refusal"))
                .contains("detach_interface refused: task_state rebooting is not None (rule: task_state must be"
                        + " None)");
        assertThat(admin.get("/__sim/v1/requests").json().findValuesAsText("refusal_id"))
                .contains("INSTANCE_INVALID_STATE", "UNAUTHORIZED", "NEUTRON_PORT_NOT_FOUND");
    }

    @Test
    void aDialectsAnswerKeepsTheIdOfTheSimulatorsRefusal() {
        Client demo = Client.as(sim, "demo", "demo");
        Client.Response foreign = demo.get("/ecl/baremetal/v2/0123456789abcdef/servers");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().at("/forbidden/message").asText()).isEqualTo("Tenant is not available.");
        assertThat(last().refusalId()).isEqualTo(Refusal.PROJECT_ID_MISMATCH);

        assertThat(demo.get("/ecl/baremetal/v2/no-tenant/servers").status()).isEqualTo(404);
        assertThat(last().refusalId()).as("a refusal the dialect makes itself").isEqualTo(Refusal.TENANT_NOT_FOUND);
        assertThat(Client.anonymous(sim).get("/hostway/servers").status()).isEqualTo(401);
        assertThat(last().refusalId()).isEqualTo(Refusal.BASIC_AUTH_REQUIRED);
    }
}
