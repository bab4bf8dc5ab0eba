package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ClockMode;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock's modes, and changing them while the simulator runs: in the client mode virtual time follows the
 * client's requests, so a client's own wait loop ends after the same requests, at the same virtual time, every run.
 */
@Timeout(30)
class ClockModesTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String BOOT = """
            {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE);

    Client admin;

    ClockModesTest() {
        super(23);
    }

    @BeforeEach
    void operator() {
        admin = Client.as(sim, "admin", "admin");
    }

    private Instant now() {
        return Instant.parse(admin.get("/__sim/v1/clock").json().get("now").asText());
    }

    private Client.Response clock(String json) {
        return admin.send("PATCH", "/__sim/v1/settings", "{\"clock\": " + json + "}");
    }

    @Test
    void aReadOfAServerWithWorkInFlightRunsItToItsEndSoAWaitLoopEndsAtItsFirstPoll() {
        assertThat(clock("{\"mode\": \"client\", \"step\": 0}").json().at("/clock/mode").asText()).isEqualTo("client");
        Instant before = now();
        String id = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        assertThat(now()).as("a step of 0: a write moves nothing").isEqualTo(before);

        JsonNode polled = demo.get("/v2.1/servers/" + id).json().at("/server");
        assertThat(polled.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(polled.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(Duration.between(before, now())).as("exactly the build's length, and no more")
                .isEqualTo(sim.settings().timings().of(io.novasim.state.rules.Operation.CREATE));
    }

    @Test
    void eachRequestMovesTheClockOnByTheStepAndTheControlPlaneMovesNothing() {
        clock("{\"mode\": \"client\", \"step\": 2.5, \"settle_reads\": false}");
        Instant before = now();
        for (int i = 0; i < 4; i++) {
            demo.get("/v2.1/flavors");
        }
        admin.get("/__sim/v1/state");
        assertThat(Duration.between(before, now())).isEqualTo(Duration.ofMillis(10_000));
    }

    @Test
    void theSameRequestsEndAtTheSameVirtualTimeEveryRun() {
        List<String> first = pollUntilActive();
        sim.control().reset();
        admin = Client.as(sim, "admin", "admin");
        demo = Client.as(sim, "demo", "demo");
        assertThat(pollUntilActive()).isEqualTo(first);
    }

    /** A wait loop with a step of 1 s and no settled reads: each poll sees the clock one step on. */
    private List<String> pollUntilActive() {
        clock("{\"mode\": \"client\", \"step\": 1, \"settle_reads\": false}");
        String id = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        List<String> seen = new ArrayList<>();
        for (int poll = 0; poll < 20; poll++) {
            JsonNode server = demo.get("/v2.1/servers/" + id).json().at("/server");
            seen.add(server.get("status").asText() + "/" + server.get("OS-EXT-STS:task_state").asText() + "@"
                    + server.get("updated").asText());
            if (server.get("status").asText().equals("ACTIVE")) {
                return seen;
            }
        }
        throw new AssertionError("never ACTIVE: " + seen);
    }

    @Test
    void theModeChangesWhileRunningAndAResetGoesBackToTheStartingOne() {
        JsonNode settings = admin.get("/__sim/v1/settings").json();
        assertThat(settings.at("/clock/mode").asText()).isEqualTo("manual");

        JsonNode wall = clock("{\"mode\": \"wall\", \"speed\": 1000}").json();
        assertThat(wall.at("/clock/speed").asDouble()).isEqualTo(1000.0);
        assertThat(admin.get("/__sim/v1/clock").json().get("following").asBoolean()).isTrue();
        assertThat(sim.control().clockMode()).isEqualTo(ClockMode.wall(1000));

        sim.control().clock(ClockMode.client(Duration.ofSeconds(3)));
        assertThat(admin.get("/__sim/v1/clock").json().get("mode").asText()).isEqualTo("client");
        assertThat(admin.get("/__sim/v1/settings").json().at("/clock/step").asDouble()).isEqualTo(3.0);

        sim.control().reset();
        assertThat(sim.control().clockMode()).isEqualTo(ClockMode.manual());
    }

    @Test
    void aBadClockIsRefusedNamingTheFieldAndWhatItTakesAndNothingChanges() {
        assertThat(message(clock("{\"mode\": \"fast\"}")))
                .isEqualTo("Invalid settings: clock.mode must be one of manual, wall, client, not \"fast\"");
        assertThat(message(clock("{\"mode\": \"wall\"}")))
                .isEqualTo("Invalid settings: clock.speed must be a number above 0 and at most 1000000 (1 is real time), "
                        + "not absent");
        assertThat(message(clock("{\"mode\": \"client\", \"step\": -1}")))
                .isEqualTo("Invalid settings: clock.step must be a number of seconds from 0 to 86400 (a day), not -1");
        assertThat(message(clock("{\"mode\": \"client\", \"speed\": 2}")))
                .isEqualTo("Invalid settings: unknown key 'speed' in clock of mode client; it takes mode, step, "
                        + "settle_reads");
        assertThat(message(admin.send("PATCH", "/__sim/v1/settings", "{\"seed\": 4}")))
                .isEqualTo("Invalid settings: 'seed' is fixed when the simulator starts; one can change: clock");
        assertThat(message(admin.send("PATCH", "/__sim/v1/settings", "{\"clok\": {}}")))
                .isEqualTo("Invalid settings: 'clok' is not a setting; one can change: clock");
        assertThat(sim.control().clockMode()).isEqualTo(ClockMode.manual());
        assertThat(demo.send("PATCH", "/__sim/v1/settings", "{\"clock\": {\"mode\": \"manual\"}}").status())
                .as("the control plane is an admin's").isEqualTo(403);
    }

    private static String message(Client.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().at("/badRequest/message").asText();
    }

    @Test
    void aReadRunsWorkButNotTheTimersWorkLeavesBehind() {
        try (NovaSimulator reclaiming = NovaSimulator.builder().seed(4).clock(ClockMode.client(Duration.ZERO))
                .timings(io.novasim.state.time.Timings.defaults().withReclaimInstanceInterval(
                        java.util.Optional.of(Duration.ofHours(1)))).build().start()) {
            Client user = Client.as(reclaiming, "demo", "demo");
            String id = user.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
            assertThat(user.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ACTIVE");
            Instant deleted = reclaiming.control().now();
            assertThat(user.delete("/v2.1/servers/" + id).status()).isEqualTo(204);

            assertThat(user.get("/v2.1/servers/" + id).json().at("/server/status").asText())
                    .as("soft-deleted, still restorable: its reclaim is an hour away").isEqualTo("SOFT_DELETED");
            assertThat(Duration.between(deleted, reclaiming.control().now())).as("the delete's own work ran, the "
                    + "reclaim timer it left did not").isLessThan(Duration.ofMinutes(1));
            assertThat(user.post("/v2.1/servers/" + id + "/action", "{\"restore\": null}").status()).isEqualTo(202);
        }
    }

    @Test
    void aClockOutOfBoundsIsRefused() {
        assertThat(message(clock("{\"mode\": \"wall\", \"speed\": 1e999}")))
                .startsWith("Invalid settings: clock.speed must be a number above 0 and at most 1000000");
        assertThat(message(clock("{\"mode\": \"client\", \"step\": 1e999}")))
                .startsWith("Invalid settings: clock.step must be a number of seconds from 0 to 86400");
        assertThat(demo.get("/v2.1/flavors").status()).isEqualTo(200);
    }

    @Test
    void aSimulatorCanStartInTheClientMode() {
        try (NovaSimulator paced = NovaSimulator.builder().seed(3).clock(ClockMode.client(Duration.ZERO)).build()
                .start()) {
            Client user = Client.as(paced, "demo", "demo");
            String id = user.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
            assertThat(user.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ACTIVE");
        }
    }
}
