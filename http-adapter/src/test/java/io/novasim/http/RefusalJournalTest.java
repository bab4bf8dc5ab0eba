package io.novasim.http;

import io.novasim.RecordedRequest;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refused request names, in the journal and the control plane's listing, the rule that refused it. */
@Timeout(30)
class RefusalJournalTest {
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
        sim.control().advance(Duration.ofSeconds(5));
        String port = demo.get("/v2.1/servers/" + server + "/os-interface").json()
                .at("/interfaceAttachments/0/port_id").asText();
        demo.post("/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}");

        assertThat(demo.delete("/v2.1/servers/" + server + "/os-interface/" + port).status()).isEqualTo(409);
        assertThat(last().refusal()).isEqualTo("detach_interface refused: task_state rebooting is not None (rule:"
                + " task_state must be None)");

        assertThat(demo.get("/v2.1/servers/nope").status()).isEqualTo(404);
        assertThat(last().refusal()).startsWith("GET /v2.1/servers/nope refused: ");

        assertThat(demo.post("/v2.1/servers", "{\"server\": {}}").status()).isEqualTo(400);
        assertThat(last().refusal()).startsWith("POST /v2.1/servers refused: Invalid input")
                .endsWith("(rule: the API answers 400 badRequest here)");

        assertThat(Client.anonymous(sim).get("/v2.1/servers").status()).isEqualTo(401);
        assertThat(last().refusal()).startsWith("GET /v2.1/servers refused: no valid credentials (rule: ");

        assertThat(demo.get("/network/v2.0/ports/nope").status()).isEqualTo(404);
        assertThat(last().refusal()).startsWith("GET /network/v2.0/ports/nope refused: Port nope could not be found");

        Client admin = Client.as(sim, "admin", "admin");
        assertThat(admin.get("/__sim/v1/requests").json().findValuesAsText("refusal"))
                .contains("detach_interface refused: task_state rebooting is not None (rule: task_state must be"
                        + " None)");
    }
}
