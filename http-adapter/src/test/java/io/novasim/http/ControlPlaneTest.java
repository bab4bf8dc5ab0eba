package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ControlPlaneTest extends SeededCloudTest {
    /** A create of the server "web" from the demo world's image. */
    private static final String BOOT = """
            {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""";

    Client admin;

    ControlPlaneTest() {
        super(5);
    }

    @BeforeEach
    void fresh() {
        admin = Client.as(sim, "admin", "admin");
    }

    @Test
    void aSecondRuleOfTheSameIdIsAConflict() {
        String rule = "{\"id\": \"twice\", \"effect\": {\"type\": \"error\"}}";
        assertThat(admin.post("/__sim/v1/faults", rule).status()).isEqualTo(200);
        Client.Response again = admin.post("/__sim/v1/faults", rule);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/conflictingRequest/message").asText())
                .isEqualTo("a fault rule named twice exists already");
    }

    @Test
    void onlyAnAdminMayUseIt() {
        assertThat(Client.anonymous(sim).get("/__sim/v1/clock").status()).isEqualTo(401);
        assertThat(demo.get("/__sim/v1/clock").status()).isEqualTo(403);
        assertThat(admin.get("/__sim/v1/clock").json().get("now").asText()).startsWith("2026-01-01T00:00");
    }

    @Test
    void theClockMovesWhenTold() {
        String id = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        assertThat(admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}").status()).isEqualTo(200);
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ACTIVE");
        assertThat(admin.post("/__sim/v1/clock/advance", "{\"seconds\": -1}").status()).isEqualTo(400);
    }

    @Test
    void theClockStopsAndResumesFollowingTheWallClock() throws Exception {
        Client.Response still = admin.post("/__sim/v1/clock/resume", "");
        assertThat(still.status()).isEqualTo(409);
        assertThat(still.json().at("/conflictingRequest/message").asText())
                .isEqualTo("This simulator's clock does not follow the wall clock (its mode is not wall): change its "
                        + "mode with PATCH /__sim/v1/settings");
        assertThat(admin.get("/__sim/v1/clock").json().get("following").asBoolean()).isFalse();

        try (io.novasim.NovaSimulator running = io.novasim.NovaSimulator.builder().seed(5).clockSpeed(1000).build()
                .start()) {
            Client operator = Client.as(running, "admin", "admin");
            JsonNode clock = operator.get("/__sim/v1/clock").json();
            assertThat(clock.get("following").asBoolean()).isTrue();
            assertThat(clock.get("clock_speed").asDouble()).isEqualTo(1000.0);

            JsonNode paused = operator.post("/__sim/v1/clock/pause", "").json();
            assertThat(paused.get("following").asBoolean()).isFalse();
            Thread.sleep(20); // 20 virtual seconds, were it following
            assertThat(operator.get("/__sim/v1/clock").json().get("now").asText())
                    .isEqualTo(paused.get("now").asText());
            assertThat(operator.post("/__sim/v1/clock/advance", "{\"seconds\": 10}").json().get("now").asText())
                    .isEqualTo(java.time.Instant.parse(paused.get("now").asText()).plusSeconds(10).toString());

            JsonNode resumed = operator.post("/__sim/v1/clock/resume", "").json();
            assertThat(resumed.get("following").asBoolean()).isTrue();
            Thread.sleep(20);
            java.time.Instant later = java.time.Instant.parse(operator.get("/__sim/v1/clock").json().get("now").asText());
            // it runs again: 20 ms later, at 1000 times, at least 20 s on from where it stood
            assertThat(later).isAfterOrEqualTo(java.time.Instant.parse(resumed.get("now").asText()).plusSeconds(20));

            // moved by hand an hour ahead, it runs on from there, not standing still until the wall clock catches up
            java.time.Instant moved = java.time.Instant.parse(operator.post("/__sim/v1/clock/advance",
                    "{\"seconds\": 3600}").json().get("now").asText());
            Thread.sleep(20);
            assertThat(java.time.Instant.parse(operator.get("/__sim/v1/clock").json().get("now").asText()))
                    .isAfterOrEqualTo(moved.plusSeconds(20));
        }
    }

    @Test
    void faultRulesAreAddedListedFiredAndRemoved() {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "no-create", "match": {"operations": ["create"]},
                 "effect": {"type": "error", "code": 503, "message": "try later"}, "trigger": {"times": 1}}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/effect/fault_name").asText()).isEqualTo("serviceUnavailable");
        Client.Response refused = demo.post("/v2.1/servers", BOOT);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().at("/serviceUnavailable/message").asText()).isEqualTo("try later");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).isEqualTo(202);
        JsonNode fired = admin.get("/__sim/v1/faults/fired").json().get("fired");
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).get("request_id").asText()).isEqualTo(refused.header("x-openstack-request-id"));
        assertThat(admin.get("/__sim/v1/faults").json().at("/rules/0/id").asText()).isEqualTo("no-create");
        assertThat(admin.delete("/__sim/v1/faults/no-create").status()).isEqualTo(204);
        assertThat(admin.delete("/__sim/v1/faults/no-create").status()).isEqualTo(404);
        assertThat(admin.post("/__sim/v1/faults", "{\"effect\": {\"type\": \"boom\"}}").status()).isEqualTo(400);
    }

    @Test
    void theTimelineDrawsEachServerAndAttachmentWithTheRequestsRefusalsAndFaultsAboveThem() throws Exception {
        String id = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        String volume = sim.control().state().volumes().stream().filter(v -> v.name().equals("data-1")).findFirst()
                .orElseThrow().id();
        assertThat(demo.post("/v2.1/servers/" + id + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        admin.post("/__sim/v1/faults", """
                {"id": "no-stop", "match": {"operations": ["stop"]},
                 "effect": {"type": "error", "code": 503, "message": "try later"}, "trigger": {"times": 1}}""");
        assertThat(demo.post("/v2.1/servers/" + id + "/action", "{\"os-stop\": null}").status()).isEqualTo(503);
        assertThat(demo.post("/v2.1/servers/" + id + "/action", "{\"os-start\": null}").status()).isEqualTo(409);

        Client.Response timeline = admin.get("/__sim/v1/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.header("Content-Type")).startsWith("image/svg+xml");
        org.w3c.dom.Document svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(timeline.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("timeline of the simulator");
        String drawn = timeline.text();
        assertThat(drawn).contains(">web<title>", ">volume attachment data-1 on web<title>", ">volume data-1<title>",
                "class=\"m-req\"", "class=\"m-err\"", "class=\"m-ref\"", "class=\"m-fault\"", "class=\"m-rule\"",
                "web: vm_state building, task_state spawning", "web: vm_state active, task_state None",
                "until now", "fault no-stop fired on stop of web",
                "[INSTANCE_INVALID_STATE] start refused: vm_state active is not stopped")
                .doesNotContain(">expectations</text>", ">clock</text>", "href=");
        assertThat(demo.get("/__sim/v1/timeline").status()).isEqualTo(403);
    }

    @Test
    void serversOfTheSameNameKeepALaneEachOnTheTimeline() {
        String body = """
                {"server": {"name": "twin", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""";
        String first = demo.post("/v2.1/servers", body).json().at("/server/id").asText();
        String second = demo.post("/v2.1/servers", body).json().at("/server/id").asText();
        String drawn = admin.get("/__sim/v1/timeline").text();
        assertThat(drawn).contains(">twin (" + first.substring(0, 8) + ")<title>",
                ">twin (" + second.substring(0, 8) + ")<title>");
    }

    @Test
    void aRuleWithAWindowFailsEveryMatchingCallInsideItAndNoneAfter() {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "outage", "match": {"operations": ["create"]},
                 "effect": {"type": "error", "code": 503, "message": "down for maintenance"},
                 "trigger": {"window": {"starts_in": 60, "lasts": 30}}}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String now = admin.get("/__sim/v1/clock").json().get("now").asText();
        java.time.Instant from = java.time.Instant.parse(now).plusSeconds(60);
        assertThat(added.json().at("/trigger/window/from").asText()).isEqualTo(from.toString());
        assertThat(added.json().at("/trigger/window/until").asText()).isEqualTo(from.plusSeconds(30).toString());

        assertThat(demo.post("/v2.1/servers", BOOT).status()).as("before the window").isEqualTo(202);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 60}");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).as("at its start").isEqualTo(503);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 29}");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).as("a second before its end").isEqualTo(503);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 1}");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).as("at its end").isEqualTo(202);
    }

    @Test
    void anErrorTellsTheClientWhenToRetryAsNovaDoes() {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "busy", "match": {"operations": ["create"]},
                 "effect": {"type": "error", "code": 503, "message": "busy", "retry_after": 29.5},
                 "trigger": {"times": 1}}""");
        assertThat(added.json().at("/effect/retry_after").asDouble()).isEqualTo(29.5);
        Client.Response busy = demo.post("/v2.1/servers", BOOT);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).as("whole seconds, rounded up").isEqualTo("30");
        assertThat(busy.json().at("/serviceUnavailable").has("retryAfter")).as("only 413 and 429 carry it").isFalse();

        admin.post("/__sim/v1/faults", """
                {"id": "limited", "match": {"operations": ["create"]},
                 "effect": {"type": "error", "code": 429, "message": "Rate limit exceeded", "retry_after": 60},
                 "trigger": {"times": 1}}""");
        Client.Response limited = demo.post("/v2.1/servers", BOOT);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.json().at("/overLimit/code").asInt()).isEqualTo(429);
        assertThat(limited.json().at("/overLimit/message").asText()).isEqualTo("Rate limit exceeded");
        assertThat(limited.json().at("/overLimit/retryAfter").asText()).isEqualTo("60");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).isEqualTo(202);

        Client.Response negative = admin.post("/__sim/v1/faults", """
                {"effect": {"type": "error", "retry_after": -1}}""");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/badRequest/message").asText())
                .isEqualTo("Invalid effect: effect.retry_after must be a non-negative number of seconds, not -1");
        Client.Response unknown = admin.post("/__sim/v1/faults", """
                {"effect": {"type": "delay", "seconds": 5, "retry_after": 3}}""");
        assertThat(unknown.json().at("/badRequest/message").asText()).isEqualTo("Invalid effect: unknown key "
                + "'retry_after' in an effect of type delay; it takes type, seconds, latency");
    }

    @Test
    void aRateLimitLetsEachProjectItsCallsAndAnswersTheRestWith429AndWhenToRetry() {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "two-a-minute", "match": {"operations": ["create"]},
                 "effect": {"type": "error", "code": 429,
                            "message": "The client has sent too many requests in a given amount of time"},
                 "trigger": {"rate": {"calls": 2, "per": 60}}}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/trigger/rate/calls").asInt()).isEqualTo(2);
        assertThat(demo.post("/v2.1/servers", BOOT).status()).isEqualTo(202);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 10}");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).isEqualTo(202);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        Client.Response over = demo.post("/v2.1/servers", BOOT);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.header("Retry-After")).as("the first create leaves the minute 45 s from now").isEqualTo("45");
        assertThat(over.json().at("/overLimit/retryAfter").asText()).isEqualTo("45");
        assertThat(admin.post("/v2.1/servers", BOOT).status()).as("another project has its own two").isEqualTo(202);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 45}");
        assertThat(demo.post("/v2.1/servers", BOOT).status()).as("told when, and on time").isEqualTo(202);

        Client.Response bad = admin.post("/__sim/v1/faults", """
                {"effect": {"type": "error"}, "trigger": {"rate": {"calls": 0, "per": 60}}}""");
        assertThat(bad.json().at("/badRequest/message").asText())
                .isEqualTo("Invalid trigger: a rate allows at least 1 call, not 0");
        bad = admin.post("/__sim/v1/faults", """
                {"effect": {"type": "error"}, "trigger": {"rate": {"calls": 1}}}""");
        assertThat(bad.json().at("/badRequest/message").asText())
                .isEqualTo("Invalid trigger: trigger.rate needs calls and per (seconds)");
    }

    @Test
    void aBadWindowOrAnUnknownTriggerKeyIsRefusedNamingTheFieldAndWhatItTakes() {
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"window\": {\"starts_in\": -5}}",
                "Invalid trigger: trigger.window.starts_in must be a non-negative number of seconds, not -5");
        refused.put("{\"window\": {\"lasts\": 0}}",
                "Invalid trigger: trigger.window.lasts must be a positive number of seconds, not 0");
        refused.put("{\"window\": {\"from\": \"2026-01-01T00:10:00Z\", \"until\": \"2026-01-01T00:05:00Z\"}}",
                "Invalid trigger: the window ends (2026-01-01T00:05:00Z) before it starts (2026-01-01T00:10:00Z)");
        refused.put("{\"window\": {\"from\": \"soon\"}}",
                "Invalid trigger: trigger.window.from must be an instant like 2026-01-01T00:02:00Z, not \"soon\"");
        refused.put("{\"window\": {\"ramp\": true}}",
                "Invalid trigger: a ramp needs the window's end, to rise to");
        refused.put("{\"window\": {\"duration\": 30}}",
                "Invalid trigger: unknown key 'duration' in trigger.window; it takes from, starts_in, until, lasts, ramp");
        refused.put("{\"probability\": 1.5}", "Invalid trigger: probability must be in (0, 1]: 1.5");
        refused.put("{\"times\": \"2\"}", "Invalid trigger: trigger.times must be a whole number, not \"2\"");
        refused.put("{\"every\": 2}",
                "Invalid trigger: unknown key 'every' in trigger; it takes after, times, probability, window, rate");
        refused.forEach((trigger, message) -> {
            Client.Response answer = admin.post("/__sim/v1/faults", """
                    {"match": {"operations": ["create"]}, "effect": {"type": "error"}, "trigger": %s}"""
                    .formatted(trigger));
            assertThat(answer.status()).as(trigger).isEqualTo(400);
            assertThat(answer.json().at("/badRequest/message").asText()).as(trigger).isEqualTo(message);
        });
        assertThat(admin.get("/__sim/v1/faults").json().get("rules")).as("nothing half-added").isEmpty();
    }

    @Test
    void aServerCanBeForcedAndStuckWorkReleased() {
        String id = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        admin.post("/__sim/v1/faults", """
                {"match": {"operations": ["reboot_soft"]}, "effect": {"type": "stuck"}}""");
        demo.post("/v2.1/servers/" + id + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}");
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 3600}");
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("REBOOT");
        assertThat(admin.post("/__sim/v1/servers/" + id + "/release", "{}").json().get("released").asInt())
                .isEqualTo(1);
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ACTIVE");
        JsonNode forced = admin.post("/__sim/v1/servers/" + id + "/state", "{\"vm_state\": \"error\"}").json();
        assertThat(forced.get("vm_state").asText()).isEqualTo("ERROR");
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ERROR");
    }

    @Test
    void aSnapshotRestoresTheSameCloud() {
        String id = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        admin.post("/__sim/v1/faults", """
                {"id": "slow", "match": {"operations": ["stop"]}, "effect": {"type": "delay", "seconds": 60}}""");
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}");
        demo.post("/v2.1/servers/" + id + "/action", "{\"os-stop\": null}");
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 10}");
        String before = admin.get("/__sim/v1/state").text();
        String snapshot = admin.get("/__sim/v1/snapshot").text();

        demo.post("/v2.1/servers", BOOT);
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 100}");
        assertThat(admin.get("/__sim/v1/state").text()).isNotEqualTo(before);

        assertThat(admin.post("/__sim/v1/restore", snapshot).status()).isEqualTo(200);
        assertThat(admin.get("/__sim/v1/state").text()).isEqualTo(before);
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/OS-EXT-STS:task_state").asText())
                .as("the delayed stop is still running").isEqualTo("powering-off");
        assertThat(admin.post("/__sim/v1/restore", "{\"format\": \"other\"}").status()).isEqualTo(400);
    }

    @Test
    void theJournalAndTheEventLogAreReadable() {
        demo.get("/v2.1/servers");
        JsonNode requests = admin.get("/__sim/v1/requests").json().get("requests");
        assertThat(requests).anySatisfy(r -> assertThat(r.get("path").asText()).isEqualTo("/v2.1/servers"));
        demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        JsonNode events = admin.get("/__sim/v1/events").json().get("events");
        assertThat(events).anySatisfy(e -> assertThat(e.path("command").asText()).isEqualTo("CreateServer"));
        assertThat(admin.get("/__sim/v1/state").json().get("servers")).hasSize(1);
    }

    @Test
    void theJournalSaysWhoSentEachRequestAndWhichMicroversionItAskedFor() {
        demo.microversion("2.79").get("/v2.1/servers");
        Client.as(sim, "admin", "demo").withHeader("X-OpenStack-Nova-API-Version", "latest").get("/v2.1/flavors");
        Client.anonymous(sim).get("/v2.1/servers");
        demo.get("/network/v2.0/ports");

        JsonNode listing = admin.get("/__sim/v1/requests").json();
        JsonNode requests = listing.get("requests");
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0).get("user_name").asText()).isEqualTo("demo");
        assertThat(requests.get(0).get("project_name").asText()).isEqualTo("demo");
        assertThat(requests.get(0).get("microversion").asText()).isEqualTo("2.79");
        assertThat(requests.get(1).get("user_name").asText()).isEqualTo("admin");
        assertThat(requests.get(1).get("project_name").asText()).isEqualTo("demo");
        assertThat(requests.get(1).get("microversion").asText()).isEqualTo("latest");
        assertThat(requests.get(2).get("status").asInt()).isEqualTo(401);
        assertThat(requests.get(2).get("user_name").isNull()).as("no valid token, no user").isTrue();
        assertThat(requests.get(3).get("user_name").asText()).as("Neutron too").isEqualTo("demo");
        assertThat(requests.get(3).get("microversion").isNull()).isTrue();
        assertThat(listing.get("dropped").asLong()).isZero();
    }

    @Test
    void aResetWorldGeneratesTheKeysAFreshOneDoes() {
        String first = demo.post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}").json()
                .at("/keypair/public_key").asText();
        sim.control().reset();
        demo = Client.as(sim, "demo", "demo");
        assertThat(demo.post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}").json()
                .at("/keypair/public_key").asText()).isEqualTo(first).startsWith("ssh-ed25519 ");
    }

    @Test
    void theSettingsTellAReplayHowThisSimulatorStarted() {
        JsonNode settings = admin.get("/__sim/v1/settings").json();
        assertThat(settings.get("seed").asLong()).isEqualTo(5);
        assertThat(settings.get("start").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(settings.get("began").asText()).as("after the demo volumes became available")
                .isEqualTo("2026-01-01T00:00:01Z");
        assertThat(settings.get("clock_speed").asDouble()).isZero();
        assertThat(settings.get("dialects")).extracting(JsonNode::asText).contains("nova");
        assertThat(demo.get("/__sim/v1/settings").status()).isEqualTo(403);
    }

    @Test
    void aDelayDrawnFromADistributionHoldsTheWorkForTheLengthDrawn() {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "slow-boot", "match": {"operations": ["create"]},
                 "effect": {"type": "delay", "latency": {"distribution": "normal", "mean": 60, "stddev": 10,
                            "spike": {"probability": 0.1, "factor": 5}}}, "trigger": {"times": 1}}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/effect/latency/spike/factor").asDouble()).isEqualTo(5.0);
        String id = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        JsonNode fired = admin.get("/__sim/v1/faults/fired").json();
        double drawn = fired.at("/fired/0/effect/seconds").asDouble();
        assertThat(fired.at("/fired/0/effect/type").asText()).isEqualTo("delay");
        assertThat(drawn).as("the fired fault holds the length drawn").isPositive();
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": " + (5 + drawn - 1) + "}");
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("BUILD");
        admin.post("/__sim/v1/clock/advance", "{\"seconds\": 1}");
        assertThat(demo.get("/v2.1/servers/" + id).json().at("/server/status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aBadLatencyOrTransportFaultIsRefusedNamingTheFieldAndWhatItTakes() {
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"type\": \"slow_answer\", \"latency\": {\"distribution\": \"gamma\", \"mean\": 1}}",
                "Invalid effect: effect.latency.distribution must be one of fixed, uniform, normal, exponential, "
                        + "lognormal, not \"gamma\"");
        refused.put("{\"type\": \"slow_answer\", \"latency\": {\"distribution\": \"exponential\", \"mean\": -2}}",
                "Invalid effect: effect.latency.mean must be a non-negative number of seconds, not -2");
        refused.put("{\"type\": \"delay\", \"seconds\": -1}",
                "Invalid effect: effect.seconds must be a non-negative number of seconds, not -1");
        refused.put("{\"type\": \"delay\", \"latency\": {\"distribution\": \"uniform\", \"min\": 1}}",
                "Invalid effect: effect.latency.max is required by a uniform latency (it takes min, max)");
        refused.put("{\"type\": \"delay\", \"latency\": {\"distribution\": \"uniform\", \"min\": 3, \"max\": 1}}",
                "Invalid effect: effect.latency: max (1s) must not be less than min (3s)");
        refused.put("{\"type\": \"delay\", \"latency\": {\"distribution\": \"fixed\", \"seconds\": 1, "
                + "\"spike\": {\"probability\": 1.5, \"factor\": 3}}}",
                "Invalid effect: effect.latency.spike.probability must be from 0 to 1, not 1.5");
        refused.put("{\"type\": \"delay\", \"seconds\": 1, \"latency\": {\"distribution\": \"fixed\", \"seconds\": 1}}",
                "Invalid effect: an effect of type delay takes seconds (a fixed length) or latency (a distribution: "
                        + "fixed, uniform, normal, exponential, lognormal), one of them");
        refused.put("{\"type\": \"slow_answer\", \"latency\": {\"distribution\": \"lognormal\", \"median\": 1, "
                + "\"sigma\": 0.5, \"mean\": 2}}",
                "Invalid effect: unknown key 'mean' in effect.latency; a lognormal latency takes median, sigma and "
                        + "spike");
        refused.put("{\"type\": \"transport\", \"fault\": \"explode\"}",
                "Invalid effect: effect.fault must be one of reset, empty, truncated, malformed, stall, not "
                        + "\"explode\"");
        refused.put("{\"type\": \"teleport\"}", "effect.type must be one of error, delay, stuck, fail, slow_answer, "
                + "transport, outage, answer; got 'teleport'");
        refused.forEach((effect, message) -> {
            Client.Response answer = admin.post("/__sim/v1/faults", "{\"effect\": " + effect + "}");
            assertThat(answer.status()).as(effect).isEqualTo(400);
            assertThat(answer.json().at("/badRequest/message").asText()).as(effect).isEqualTo(message);
        });
        assertThat(admin.get("/__sim/v1/faults").json().at("/rules").size()).as("nothing kept").isZero();
    }
}
