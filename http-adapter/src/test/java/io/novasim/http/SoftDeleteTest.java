package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.NovaSimulator;
import io.novasim.state.time.Timings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletes under Nova's {@code reclaim_instance_interval}: soft-delete, {@code restore}, {@code forceDelete} and the
 * reclaim, as Nova's servers and deferred_delete controllers answer them.
 */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftDeleteTest {
    private static final String BOOT = """
            {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""";

    private NovaSimulator sim;
    private Client demo;
    private String server;

    @BeforeAll
    void start() {
        sim = NovaSimulator.builder().seed(21)
                .timings(Timings.defaults().withReclaimInstanceInterval(Optional.of(Duration.ofHours(1))))
                .build().start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @BeforeEach
    void anActiveServer() {
        sim.control().reset();
        demo = Client.as(sim, "demo", "demo");
        server = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private JsonNode shown() {
        return demo.get("/v2.1/servers/" + server).json().get("server");
    }

    private Client.Response act(String body) {
        return demo.post("/v2.1/servers/" + server + "/action", body);
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void aDeleteSoftDeletesAndRestoreBringsTheServerBack() {
        assertThat(demo.delete("/v2.1/servers/" + server).status()).isEqualTo(204);
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("soft-deleting");
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode deleted = shown();
        assertThat(deleted.get("status").asText()).isEqualTo("SOFT_DELETED");
        assertThat(deleted.get("OS-EXT-STS:vm_state").asText()).isEqualTo("soft-delete");
        assertThat(deleted.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(deleted.get("OS-EXT-STS:power_state").asInt()).as("powered off").isEqualTo(4);
        assertThat(demo.get("/v2.1/servers").json().get("servers")).as("still listed").hasSize(1);

        assertThat(act("{\"restore\": null}").status()).isEqualTo(202);
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("restoring");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(shown().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown().get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        JsonNode actions = demo.get("/v2.1/servers/" + server + "/os-instance-actions").json()
                .get("instanceActions");
        assertThat(actions).extracting(a -> a.get("action").asText()).containsExactly("restore", "delete", "create");

        sim.control().advance(Duration.ofHours(2));
        assertThat(shown().get("status").asText()).as("a restored server is not reclaimed").isEqualTo("ACTIVE");
    }

    @Test
    void aSoftDeletedServerIsReclaimedAfterTheInterval() {
        demo.delete("/v2.1/servers/" + server);
        sim.control().advance(Duration.ofSeconds(2).plus(Duration.ofMinutes(59)));
        assertThat(shown().get("status").asText()).isEqualTo("SOFT_DELETED");
        sim.control().advance(Duration.ofMinutes(1));
        fault(demo.get("/v2.1/servers/" + server), 404, "itemNotFound", "Instance " + server
                + " could not be found.");
    }

    @Test
    void forceDeleteDeletesASoftDeletedServerNow() {
        demo.delete("/v2.1/servers/" + server);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(act("{\"forceDelete\": null}").status()).isEqualTo(202);
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).isEqualTo("deleting");
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(demo.get("/v2.1/servers/" + server).status()).isEqualTo(404);
    }

    @Test
    void refusalsAreNovas() {
        fault(act("{\"restore\": null}"), 409, "conflictingRequest", "Cannot 'restore' instance " + server
                + " while it is in vm_state active");
        assertThat(act("{\"os-stop\": null}").status()).isEqualTo(202);
        // deferred_delete.py's forceDelete expects no InstanceInvalidState, so Nova answers it as a bug
        Client.Response busy = act("{\"forceDelete\": null}");
        fault(busy, 500, "computeFault", "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/"
                + " and attach the Nova API log if possible.\n<class 'nova.exception.InstanceInvalidState'>");
        assertThat(shown().get("OS-EXT-STS:task_state").asText()).as("nothing changed").isEqualTo("powering-off");
    }

    @Test
    void aServerThatNeverRanIsDeletedAndAnOffloadedOneAtOnce() {
        String building = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        assertThat(demo.delete("/v2.1/servers/" + building).status()).isEqualTo(204);
        assertThat(demo.get("/v2.1/servers/" + building).json().at("/server/OS-EXT-STS:task_state").asText())
                .as("never launched: a real delete").isEqualTo("deleting");

        act("{\"shelve\": null}");
        sim.control().advance(Duration.ofSeconds(8));
        assertThat(shown().get("status").asText()).isEqualTo("SHELVED_OFFLOADED");
        assertThat(demo.delete("/v2.1/servers/" + server).status()).isEqualTo(204);
        assertThat(demo.get("/v2.1/servers/" + server).status()).as("no host to ask: gone at once").isEqualTo(404);
    }

    @Test
    void aSecondDeleteWhileDeletingIsIgnored() {
        demo.delete("/v2.1/servers/" + server);
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(demo.delete("/v2.1/servers/" + server).status()).isEqualTo(204);
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(shown().get("status").asText()).as("the first delete's work finished on time")
                .isEqualTo("SOFT_DELETED");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-instance-actions").json().get("instanceActions"))
                .as("one delete recorded").hasSize(2);
    }
}
