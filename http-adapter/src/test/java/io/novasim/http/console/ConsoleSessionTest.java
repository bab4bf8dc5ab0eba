package io.novasim.http.console;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The console over HTTP, without a browser: who may open it and its stream, and what the stream says. */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSessionTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private NovaSimulator sim;

    @BeforeAll
    void start() {
        sim = NovaSimulator.builder().seed(3).controlToken("control-secret").build().start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).timeout(Duration.ofSeconds(10));
    }

    @Test
    void withoutALoginTheConsoleIs401WithTheLoginFormAndItsAssetsAndStreamAre401() throws Exception {
        HttpResponse<String> page = send(at("/__sim/console"));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.body()).contains("<form id=\"password-login\">").doesNotContain("console.js");

        assertThat(send(at("/__sim/console/console.js")).statusCode()).isEqualTo(401);
        assertThat(send(at("/__sim/console/session")).statusCode()).isEqualTo(401);
        assertThat(send(at("/__sim/v1/stream").header("Accept", "text/event-stream")).statusCode()).isEqualTo(401);
        assertThat(send(at("/__sim/console").header("Cookie", ConsoleRoutes.COOKIE + "=forged")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAdminsTokenOpensASessionWhoseCookieOpensThePageAndNotAMembersToken() throws Exception {
        HttpResponse<String> member = send(at("/__sim/console/session").header("X-Auth-Token", token("demo", "demo"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(member.statusCode()).isEqualTo(403);

        HttpResponse<String> opened = send(at("/__sim/console/session").header("X-Auth-Token", "control-secret")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(opened.statusCode()).isEqualTo(201);
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(ConsoleRoutes.COOKIE + "=control-secret;").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/__sim");

        String sent = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> page = send(at("/__sim/console").header("Cookie", sent));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/__sim/console/console.js\">");
        assertThat(send(at("/__sim/console/console.js").header("Cookie", sent)).body()).contains("EventSource");
        assertThat(send(at("/__sim/console/session").header("Cookie", sent)).body())
                .contains("\"token\":\"control-secret\"");
        assertThat(send(at("/__sim/console/session").header("Cookie", sent).DELETE()).headers()
                .firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void theStreamPushesEachEngineEventAsItHappens() throws Exception {
        HttpResponse<java.io.InputStream> stream = HTTP.send(at("/__sim/v1/stream").header("X-Auth-Token",
                "control-secret").header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                StandardCharsets.UTF_8))) {
            HttpResponse<String> created = send(at("/v2.1/servers").header("X-Auth-Token", token("demo", "demo"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"server\": {\"name\": \"pushed\", \"imageRef\": "
                                    + "\"70a599e0-31e7-49b7-b260-868f441e862b\", \"flavorRef\": \"1\"}}")));
            assertThat(created.statusCode()).isEqualTo(202);
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.contains("\"type\":\"ServerChanged\""));
            assertThat(line).startsWith("data: ").contains("\"vm_state\":\"building\"")
                    .contains("\"status\":\"BUILD\"");
        }
        assertThat(send(at("/__sim/v1/stream").header("X-Auth-Token", "control-secret")).statusCode())
                .as("a stream is asked for with Accept: text/event-stream").isEqualTo(406);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read of the stream blocks
    void aStreamOpenMovesAWallClockFollowingClockSoThatWhatFallsDueIsPushedWithoutAnyRequest() throws Exception {
        try (NovaSimulator fast = NovaSimulator.builder().seed(3).controlToken("control-secret").clockSpeed(100)
                .build().start()) {
            NovaSimulator quiet = sim;
            sim = fast;
            try {
                // Paused while the server is created and the stream opened: both are requests, which move a running
                // clock, and the boot must end after the stream is open.
                fast.control().pauseClock();
                HttpResponse<String> created = send(at("/v2.1/servers").header("X-Auth-Token", token("demo", "demo"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"server\": {\"name\": \"booting\", \"imageRef\": "
                                        + "\"70a599e0-31e7-49b7-b260-868f441e862b\", \"flavorRef\": \"1\"}}")));
                assertThat(created.statusCode()).isEqualTo(202);
                HttpResponse<java.io.InputStream> stream = HTTP.send(at("/__sim/v1/stream").header("X-Auth-Token",
                        "control-secret").header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                fast.control().resumeClock();
                // No request from here on: only the stream's own asking moves the clock past the 5 s boot.
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    do {
                        line = lines.readLine();
                    } while (line != null && !line.contains("\"vm_state\":\"active\""));
                    assertThat(line).as("the stream's lines until the server was active").isNotNull()
                            .contains("\"status\":\"ACTIVE\"");
                }
            } finally {
                sim = quiet;
            }
        }
    }

    private String token(String user, String project) throws Exception {
        HttpResponse<String> answer = send(at("/identity/v3/auth/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                        + "\"password\": {\"user\": {\"name\": \"" + user + "\", \"domain\": {\"name\": \"Default\"},"
                        + " \"password\": \"secret\"}}}, \"scope\": {\"project\": {\"name\": \"" + project
                        + "\", \"domain\": {\"name\": \"Default\"}}}}}")));
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }
}
