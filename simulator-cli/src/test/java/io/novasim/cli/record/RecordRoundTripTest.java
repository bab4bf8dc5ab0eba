package io.novasim.cli.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.novasim.NovaSimulator;
import io.novasim.cli.Main;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.cli.scenario.ScenarioRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client drives a simulator over HTTP as a real one would; {@code novasim record} turns what it did into a scenario
 * file; {@code novasim run} replays that file on a fresh simulator, and every answer is the one the client got, with
 * the same ids.
 */
@Timeout(60)
class RecordRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PRIVATE_NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";

    private NovaSimulator sim;

    record Answer(int status, String requestId, JsonNode json, String text) {
    }

    @BeforeEach
    void start() {
        sim = NovaSimulator.builder().seed(7).clockSpeed(0).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aRecordedSessionReplaysWithTheSameAnswersAndIds(@TempDir Path dir) throws Exception {
        String demo = login("demo", "demo");
        String admin = login("admin", "admin");

        Answer created = send(demo, "POST", "/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        assertThat(created.status()).isEqualTo(202);
        String server = created.json().at("/server/id").asText();
        assertThat(send(demo, "GET", "/v2.1/servers/" + server, null).status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(5));

        Answer attached = send(demo, "POST", "/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"net_id\": \"" + PRIVATE_NET + "\"}}");
        assertThat(attached.status()).isEqualTo(200);
        String port = attached.json().at("/interfaceAttachment/port_id").asText();
        assertThat(send(demo, "DELETE", "/v2.1/servers/" + server + "/os-interface/" + port, null).status())
                .isEqualTo(202);
        sim.control().advance(Duration.ofMillis(1500));

        assertThat(send(demo, "POST", "/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}")
                .status()).isEqualTo(202);
        Answer refused = send(demo, "POST", "/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"net_id\": \"" + PRIVATE_NET + "\"}}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        sim.control().advance(Duration.ofSeconds(3));

        assertThat(send(demo, "GET", "/v2.1/servers/7c6c4b44-0d2a-4f4b-9a43-ffffffffffff", null, "2.79").status())
                .isEqualTo(404);
        assertThat(send(login("alt", "alt"), "GET", "/v2.1/servers/" + server, null).status()).isEqualTo(404);
        assertThat(send(null, "GET", "/v2.1/servers", null).status()).isEqualTo(401);

        // the control plane, as an operator steering the incident would use it
        assertThat(send(admin, "POST", "/__sim/v1/faults", """
                {"id": "no-stop", "match": {"operations": ["stop"]},
                 "effect": {"type": "error", "code": 503, "message": "try later"}, "trigger": {"times": 1}}""")
                .status()).isEqualTo(200);
        assertThat(send(demo, "POST", "/v2.1/servers/" + server + "/action", "{\"os-stop\": null}").status())
                .isEqualTo(503);
        assertThat(send(demo, "POST", "/v2.1/servers/" + server + "/action", "{\"os-stop\": null}").status())
                .isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(send(admin, "POST", "/__sim/v1/servers/" + server + "/state", "{\"vm_state\": \"error\"}")
                .status()).isEqualTo(200);
        Answer actions = send(demo, "GET", "/v2.1/servers/" + server + "/os-instance-actions", null);
        assertThat(actions.status()).isEqualTo(200);

        Path file = dir.resolve("incident.yaml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("record", "--url", sim.baseUri().toString(), "--output", file.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("wrote 12 requests to " + file);
        String yaml = Files.readString(file);
        assertThat(yaml).contains("seed: 7\n", "microversion: \"2.79\"", "user: \"alt\"", "user: \"none\"",
                "- advance: 5s", "- advance: 1.5s", "- advance: 3s", "- fault: {\"id\": \"no-stop\"",
                "path: \"/__sim/v1/servers/" + server + "/state\"");

        io.novasim.report.RunReport replay = ScenarioRunner.run(ScenarioReader.read(file), file,
                ScenarioRunner.Progress.NONE);
        String replayed = io.novasim.report.TranscriptWriter.write(replay, false);
        assertThat(replay.passed()).as(yaml + "\n" + replayed).isTrue();
        assertThat(replay.expectations()).as("one status per recorded request").isEqualTo(12);
        assertThat(replayed).as("the same resource ids")
                .contains("\"id\":\"" + server + "\"", "\"port_id\":\"" + port + "\"");
        assertThat(replayed).as("the same request ids: the create's is in the instance actions")
                .contains("\"request_id\":\"" + created.requestId() + "\"");
        assertThat(replayed).as("the forced state replayed").contains("\"vm_state\":\"error\"");
        assertThat(replayed).as("the instance actions, byte for byte: the same request ids and times")
                .contains("<- 200 " + actions.text() + "\n");

        StringWriter transcript = new StringWriter();
        int run = new CommandLine(new Main()).setOut(new PrintWriter(transcript)).setErr(new PrintWriter(err))
                .execute("run", file.toString());
        assertThat(run).as(transcript.toString()).isZero();
        assertThat(transcript.toString()).contains("PASSED: 12 of 12 expectations met");
    }

    @Test
    void sinceLeavesOutTheEarlierRequests() throws Exception {
        String demo = login("demo", "demo");
        send(demo, "GET", "/v2.1/flavors", null);
        send(demo, "GET", "/v2.1/servers", null);
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("record", "--url", sim.baseUri().toString(), "--since", "2");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("path: \"/v2.1/servers\"", "Journal request 2,", "(--since)")
                .doesNotContain("/v2.1/flavors");
    }

    private String login(String user, String project) throws IOException, InterruptedException {
        String auth = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \""
                + user + "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"secret\"}}}, \"scope\": "
                + "{\"project\": {\"name\": \"" + project + "\", \"domain\": {\"name\": \"Default\"}}}}}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.identityEndpoint()
                        + "/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(auth)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private Answer send(String token, String method, String path, String body) throws Exception {
        return send(token, method, path, body, null);
    }

    private Answer send(String token, String method, String path, String body, String microversion)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (microversion != null) {
            request.header("X-OpenStack-Nova-API-Version", microversion);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("x-openstack-request-id").orElse(null),
                json, response.body());
    }
}
