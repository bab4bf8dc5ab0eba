package io.novasim.cli.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.novasim.cli.DurationText;
import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario file {@code novasim record} writes, from a journal and a history given by hand. */
class ScenarioWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BEGAN = Instant.parse("2026-01-01T00:00:01Z");
    private static final String SERVER = "df89b9cf-b75a-4307-9857-b691ae07afda";

    private static RecordedRequest request(long sequence, double seconds, String method, String path, String query,
                                           String body, int status, String user, String project, String microversion) {
        return new RecordedRequest(sequence, BEGAN.plusMillis(Math.round(seconds * 1000)), "req-" + sequence, method,
                path, query, body, status, user, project, microversion, null, null, null, null, java.util.Map.of());
    }

    private static Recording recording(List<RecordedRequest> requests, String history, double clockSpeed,
                                       long dropped, long since) throws IOException {
        return new Recording(URI.create("http://127.0.0.1:8774"), Instant.parse("2026-05-04T10:00:00Z"), 7, BEGAN,
                clockSpeed, requests, dropped, history == null ? null : JSON.readTree(history), since, List.of());
    }

    private static final List<RecordedRequest> SESSION = List.of(
            request(1, 0, "POST", "/v2.1/servers", null, """
                    {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", \
                    "flavorRef": "1"}}""",
                    202, "demo", "demo", null),
            request(2, 5, "GET", "/v2.1/servers", "name=web&status=ACTIVE", null, 200, "alt", "alt", "2.79"),
            request(3, 5, "GET", "/v2.1/servers", null, null, 401, null, null, null),
            request(4, 6.5, "POST", "/v2.1/servers/" + SERVER + "/action", null, "{\"os-stop\": null}", 503, "admin",
                    "demo", null),
            request(5, 8, "GET", "/v2.1/servers/" + SERVER, null, null, 200, "demo", "demo", null));

    /**
     * The create ran a command, the stop too; the fault rule came between, at the time of two reads (which it goes
     * before), and the forced state and the rule's removal after the stop, at the time of the last read.
     */
    private static final String HISTORY = """
            [{"type": "command", "at": "2026-01-01T00:00:00Z", "request_id": "req-setup",
              "caller": {"user_id": "novasim", "project_id": "p", "admin": false}, "command": "CreateVolume",
              "arguments": {}},
             {"type": "command", "at": "2026-01-01T00:00:01Z", "request_id": "req-1",
              "caller": {"user_id": "u", "project_id": "p", "admin": false}, "command": "CreateServer", "arguments": {}},
             {"type": "fault_added", "at": "2026-01-01T00:00:06Z",
              "rule": {"id": "no-stop", "match": {"operations": ["stop"]},
                       "effect": {"type": "error", "code": 503, "fault_name": "serviceUnavailable", "message": "later"},
                       "trigger": {"after": 0, "times": 1, "probability": 1.0}}},
             {"type": "command", "at": "2026-01-01T00:00:07.500Z", "request_id": "req-4",
              "caller": {"user_id": "u", "project_id": "p", "admin": true}, "command": "Perform",
              "arguments": {"server_id": "%s", "operation": "STOP"}},
             {"type": "command", "at": "2026-01-01T00:00:09Z", "request_id": "req-x",
              "caller": {"user_id": "novasim-control", "project_id": "p", "admin": true}, "command": "Perform",
              "arguments": {"server_id": "%s", "operation": "RESET_STATE_ERROR"}},
             {"type": "fault_removed", "at": "2026-01-01T00:00:09Z", "rule_id": "no-stop"}]
            """.formatted(SERVER, SERVER);

    @Test
    void aSessionBecomesRequestStepsWithAdvancesAndTheControlPlanesActionsBetween() throws IOException {
        assertThat(ScenarioWriter.write(recording(SESSION, HISTORY, 0, 0, 1))).isEqualTo("""
                # Recorded by novasim record from http://127.0.0.1:8774 at 2026-05-04T10:00:00Z (wall clock).
                # Journal requests 1 to 5, virtual time 2026-01-01T00:00:01Z to 2026-01-01T00:00:09Z; seed 7, clock \
                speed 0.
                # Replay with `novasim run FILE`, on the built-in demo world with default timings (as `novasim serve` \
                without --setup
                # or --duration).
                # Each step notes the original's journal sequence, request id and virtual time. Ids match in the \
                replay: they come
                # from the seed, in the order the requests came.
                description: "recorded from http://127.0.0.1:8774, journal requests 1 to 5"
                seed: 7
                steps:
                  # 1 req-1 at 2026-01-01T00:00:01Z
                  - request:
                      method: POST
                      path: "/v2.1/servers"
                      body: {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", \
                "flavorRef": "1"}}
                    expect: {status: 202}
                  - advance: 5s
                  # the control plane added fault rule no-stop at 2026-01-01T00:00:06Z
                  - fault: {"id": "no-stop", "match": {"operations": ["stop"]}, "effect": {"type": "error", \
                "code": 503, "fault_name": "serviceUnavailable", "message": "later"}, "trigger": {"after": 0, \
                "times": 1, "probability": 1.0}}
                  # 2 req-2 at 2026-01-01T00:00:06Z
                  - request:
                      method: GET
                      path: "/v2.1/servers?name=web&status=ACTIVE"
                      user: "alt"
                      project: "alt"
                      microversion: "2.79"
                    expect: {status: 200}
                  # 3 req-3 at 2026-01-01T00:00:06Z
                  - request:
                      method: GET
                      path: "/v2.1/servers"
                      user: "none"
                    expect: {status: 401}
                  - advance: 1.5s
                  # 4 req-4 at 2026-01-01T00:00:07.500Z
                  - request:
                      method: POST
                      path: "/v2.1/servers/%1$s/action"
                      body: {"os-stop": null}
                      user: "admin"
                    expect: {status: 503}
                  - advance: 1.5s
                  # the control plane forced server %1$s to error at 2026-01-01T00:00:09Z
                  - request:
                      method: POST
                      path: "/__sim/v1/servers/%1$s/state"
                      body: {"vm_state": "error"}
                      user: "admin"
                      project: "admin"
                  # the control plane removed fault rule no-stop at 2026-01-01T00:00:09Z
                  - request:
                      method: DELETE
                      path: "/__sim/v1/faults/no-stop"
                      user: "admin"
                      project: "admin"
                  # 5 req-5 at 2026-01-01T00:00:09Z
                  - request:
                      method: GET
                      path: "/v2.1/servers/%1$s"
                    expect: {status: 200}
                """.formatted(SERVER));
    }

    @Test
    void theFileReadsBackAsTheSameScenarioAndTheSchemaAcceptsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recorded.yaml");
        Files.writeString(file, ScenarioWriter.write(recording(SESSION, HISTORY, 0, 0, 1)));
        Scenario scenario = ScenarioReader.read(file);
        assertThat(scenario.seed()).isEqualTo(7);
        assertThat(scenario.steps()).hasSize(11);
        Scenario.Request create = scenario.steps().get(0).request();
        assertThat(create.body()).isEqualTo(JSON.readTree(SESSION.get(0).body()));
        assertThat(create.user()).isNull();
        assertThat(scenario.steps().get(2).fault().path("trigger").path("times").asInt()).isEqualTo(1);
        assertThat(scenario.steps().get(3).request().microversion()).isEqualTo("2.79");
        assertThat(scenario.steps().get(0).expect().status()).isEqualTo(202);

        JsonNode schemaDocument;
        try (InputStream in = getClass().getResourceAsStream("/scenario.schema.json")) {
            schemaDocument = JSON.readTree(in);
        }
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument);
        assertThat(schema.validate(new YAMLMapper().readTree(Files.readString(file)))).isEmpty();
    }

    @Test
    void bodiesReadBackAsTheJsonTheClientSent(@TempDir Path dir) throws Exception {
        String body = """
                {"metadata": {"quote": "say \\"hi\\"", "slash": "a\\\\b", "lines": "one\\ntwo\\u2028three\\ttab",
                 "control": "\\u0001\\u007f\\u0085", "unicode": "サーバ ✓ \\ud83d\\ude80",
                 "yaml": "- not: a list # nor a comment",
                 "empty": "", "dollar": "$HOME"},
                 "numbers": [0, -1, 12345678901234567890, 1.5, -0.25, 1e10, 2.5E-7], "flags": [true, false, null],
                 "nested": [[], {}, [{"a": [1]}]], "yes": "no", "on": "off", "null_text": "null", "num_text": "1.0"}""";
        Path file = dir.resolve("bodies.yaml");
        Files.writeString(file, ScenarioWriter.write(recording(List.of(request(1, 0, "PUT", "/v2.1/servers/x", null,
                body, 200, "demo", "demo", null)), null, 0, 0, 1)));
        JsonNode read = ScenarioReader.read(file).steps().get(0).request().body();
        assertThat(numbersAsDecimals(read)).isEqualTo(numbersAsDecimals(JSON.readTree(body)));
    }

    /** JSON compares numbers by value; the readers may pick different Java types for the same value. */
    private static String numbersAsDecimals(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isContainerNode()) {
            StringBuilder s = new StringBuilder(node.isArray() ? "[" : "{");
            node.fields().forEachRemaining(f -> s.append(f.getKey()).append('=')
                    .append(numbersAsDecimals(f.getValue())).append(','));
            node.elements().forEachRemaining(e -> {
                if (node.isArray()) {
                    s.append(numbersAsDecimals(e)).append(',');
                }
            });
            return s.append(node.isArray() ? "]" : "}").toString();
        }
        return node.getNodeType() + ":" + node.asText();
    }

    @Test
    void durationsAreWrittenAsTheScenarioReaderReadsThem() {
        for (Duration d : List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(1500),
                Duration.ofSeconds(60), Duration.ofSeconds(90), Duration.ofHours(1), Duration.ofMillis(1),
                Duration.ofNanos(1), Duration.ofSeconds(10801), Duration.ofDays(400).plusNanos(7))) {
            String text = io.novasim.cli.DurationText.format(d);
            assertThat(DurationText.parse(text)).as(text).isEqualTo(d);
        }
        assertThat(io.novasim.cli.DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(io.novasim.cli.DurationText.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(io.novasim.cli.DurationText.format(Duration.ofMillis(250))).isEqualTo("0.25s");
        assertThat(io.novasim.cli.DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    void aWallClockPacedRecordingAdvancesToTheMillisecondAndSaysSo() throws IOException {
        List<RecordedRequest> requests = List.of(
                new RecordedRequest(1, BEGAN.plusNanos(2_345_678_901L), "req-1", "GET", "/v2.1/servers", null, null,
                        200, "demo", "demo", null, null, null, null, null, java.util.Map.of()),
                new RecordedRequest(2, BEGAN.plusNanos(2_345_999_999L), "req-2", "GET", "/v2.1/flavors", null, null,
                        200, "demo", "demo", null, null, null, null, null, java.util.Map.of()));
        String yaml = ScenarioWriter.write(recording(requests, null, 1, 0, 1));
        assertThat(yaml).contains("clock speed 1.", "WARNING: the clock followed the wall clock", "- advance: 2.345s\n")
                .doesNotContain("- advance: 0");
    }

    @Test
    void whatAReplayCannotDoAlikeIsNotedInTheFile() throws IOException {
        String cut = "{\"server\": {\"name\": \"" + "x".repeat(5000);
        List<RecordedRequest> requests = List.of(
                request(1, 0, "POST", "/v2.1/servers", null, cut.substring(0, 4096), 400, "demo", "demo", null),
                request(2, 0, "POST", "/v2.1/servers", null, "name=web", 415, "demo", "demo", null),
                request(3, 0, "GET", "/v2.1/servers", null, null, 200, "novasim-control", "admin", null),
                request(4, 0, "GET", "/hostway/servers", null, null, 200, "demo", "demo", null),
                request(5, 0, "OPTIONS", "/v2.1/servers", null, null, 404, "demo", "demo", null),
                request(6, 0, "POST", "/v2.1/servers", null, "{\"server\": {\"user_data\": \"echo ${HOME}\"}}", 400,
                        "demo", "demo", null));
        String yaml = ScenarioWriter.write(recording(requests, null, 0, 3, 1));
        assertThat(yaml).contains(
                "WARNING: the journal's bound pushed out the 3 oldest requests",
                "WARNING: the journal kept only the first 4 KiB of this body",
                "the body was no JSON: the replay sends it as a JSON string\n", "body: \"name=web\"",
                "sent with the control token: replayed as the admin", "WARNING: hostway takes Basic authentication",
                "left out: a scenario cannot send OPTIONS /v2.1/servers (404)",
                "WARNING: the replay reads ${...} in the body as a saved value");
        assertThat(yaml.lines().filter(l -> l.equals("  - request:")).count()).isEqualTo(5);
    }

    @Test
    void sinceKeepsTheLaterRequestsAndTheActionsAmongThem() throws IOException {
        String yaml = ScenarioWriter.write(recording(SESSION, HISTORY, 0, 0, 2));
        assertThat(yaml).contains("journal requests 2 to 5", "Only from journal sequence 2 (--since)",
                "# 4 req-4", "forced server", "removed fault rule").doesNotContain("# 1 req-1", "body: {\"server\"");
        assertThat(yaml).as("the rule added just before the first request kept is still in effect")
                .contains("steps:\n  - advance: 5s\n  # the control plane added fault rule no-stop");
        assertThat(ScenarioWriter.write(recording(SESSION, HISTORY, 0, 0, 4))).as("but not one added earlier")
                .contains("journal requests 4 to 5").doesNotContain("- fault:", "# 3 req-3");
    }

    @Test
    void anEmptyJournalIsAnEmptyScenario() throws IOException {
        assertThat(ScenarioWriter.write(recording(List.of(), null, 0, 0, 1)))
                .contains("# No requests; seed 7", "description: \"recorded from http://127.0.0.1:8774, no requests\"")
                .endsWith("seed: 7\nsteps: []\n");
    }
}
