package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.NovaSimulator;
import io.novasim.RecordedRequest;
import io.novasim.TransportFailure;
import io.novasim.state.faults.TransportFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault rules on the answer: a transport fault loses it on the wire (the call itself is handled), a slow answer comes
 * later, on virtual time or, while the clock follows the wall clock, in real time without holding up other requests.
 */
@Timeout(60)
class AnswerFaultsTest extends SeededCloudTest {
    private static final String BOOT = """
            {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""";

    AnswerFaultsTest() {
        super(16);
    }

    /** A server of the demo project, ACTIVE. */
    private String activeServer() {
        String id = demo.post("/v2.1/servers", BOOT).json().at("/server/id").asText();
        sim.control().advance(Duration.ofMinutes(1));
        return id;
    }

    private void lose(String operation, TransportFault fault) {
        Client admin = Client.as(sim, "admin", "admin");
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "lossy", "match": {"operations": ["%s"]}, "effect": {"type": "transport", "fault": "%s"},
                 "trigger": {"times": 1}}""".formatted(operation, fault.jsonName()));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/effect/fault").asText()).isEqualTo(fault.jsonName());
    }

    /** Sends the stop of {@code server} on a socket of its own and reads what comes back until the server closes. */
    private Wire stop(String server, Duration patience) throws IOException {
        String body = "{\"os-stop\": null}";
        try (Socket socket = new Socket(sim.baseUri().getHost(), sim.port())) {
            socket.setSoTimeout((int) patience.toMillis());
            socket.getOutputStream().write(("POST /v2.1/servers/" + server + "/action HTTP/1.1\r\n"
                    + "Host: localhost\r\nX-Auth-Token: " + demo.token() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, read);
                }
                return new Wire(got.toString(StandardCharsets.ISO_8859_1), Ending.CLOSED);
            } catch (SocketTimeoutException waited) {
                return new Wire(got.toString(StandardCharsets.ISO_8859_1), Ending.TIMED_OUT);
            } catch (SocketException reset) {
                return new Wire(got.toString(StandardCharsets.ISO_8859_1), Ending.RESET);
            }
        }
    }

    enum Ending { CLOSED, RESET, TIMED_OUT }

    record Wire(String text, Ending ending) {
        int contentLength() {
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).trim());
                }
            }
            return -1;
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    private String taskState(String server) {
        return demo.get("/v2.1/servers/" + server).json().at("/server/OS-EXT-STS:task_state").asText();
    }

    @Test
    void aResetConnectionCarriesNoAnswerButTheCallWasHandled() throws IOException {
        String server = activeServer();
        lose("stop", TransportFault.RESET);
        Wire wire = stop(server, Duration.ofSeconds(10));
        assertThat(wire.text()).as("not a byte of the answer").isEmpty();
        assertThat(wire.ending()).isEqualTo(Ending.RESET);
        assertThat(taskState(server)).as("the stop was handled").isEqualTo("powering-off");
        RecordedRequest journaled = sim.control().requests().stream()
                .filter(r -> r.path().endsWith("/action")).findFirst().orElseThrow();
        assertThat(journaled.status()).isEqualTo(202);
        assertThat(journaled.fault()).isEqualTo("rule lossy: transport fault reset: the connection is reset before "
                + "any answer");
    }

    @Test
    void anEmptyAnswerIsAClosedConnectionWithNothingOnIt() throws IOException {
        String server = activeServer();
        lose("stop", TransportFault.EMPTY);
        Wire wire = stop(server, Duration.ofSeconds(10));
        assertThat(wire.text()).isEmpty();
        assertThat(wire.ending()).isEqualTo(Ending.CLOSED);
        assertThat(taskState(server)).isEqualTo("powering-off");
    }

    @Test
    void aTruncatedAnswerPromisesMoreBodyThanItSends() throws IOException {
        Client admin = Client.as(sim, "admin", "admin");
        admin.post("/__sim/v1/faults", """
                {"id": "cut", "match": {"operations": ["create"]}, "effect": {"type": "transport",
                 "fault": "truncated"}, "trigger": {"times": 1}}""");
        String body = BOOT;
        try (Socket socket = new Socket(sim.baseUri().getHost(), sim.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v2.1/servers HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: "
                    + demo.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            Wire wire = new Wire(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1),
                    Ending.CLOSED);
            assertThat(wire.text()).startsWith("HTTP/1.1 202");
            assertThat(wire.contentLength()).isPositive();
            assertThat(wire.body().length()).as("half of what its head promised")
                    .isEqualTo(wire.contentLength() / 2);
        }
    }

    @Test
    void anAnswerWithoutABodyIsCutShortInItsHead() throws IOException {
        String server = activeServer();
        lose("stop", TransportFault.TRUNCATED);
        Wire wire = stop(server, Duration.ofSeconds(10));
        assertThat(wire.text()).startsWith("HTTP/1.1 202").doesNotContain("\r\n\r\n");
        assertThat(wire.ending()).isEqualTo(Ending.CLOSED);
        assertThat(taskState(server)).isEqualTo("powering-off");
    }

    @Test
    void aMalformedAnswerIsNotHttp() throws IOException {
        String server = activeServer();
        lose("stop", TransportFault.MALFORMED);
        Wire wire = stop(server, Duration.ofSeconds(10));
        assertThat(wire.text()).isNotEmpty().doesNotStartWith("HTTP/");
        assertThat(wire.ending()).isIn(Ending.CLOSED, Ending.RESET);
        assertThat(taskState(server)).isEqualTo("powering-off");
    }

    @Test
    void aStallSendsTheHeadThenNothingUntilTheClientGivesUp() throws IOException {
        String server = activeServer();
        lose("stop", TransportFault.STALL);
        Wire wire = stop(server, Duration.ofMillis(1500));
        assertThat(wire.text()).startsWith("HTTP/1.1 202");
        assertThat(wire.ending()).as("the client's own timeout ends it").isEqualTo(Ending.TIMED_OUT);
        assertThat(taskState(server)).isEqualTo("powering-off");
        assertThat(demo.get("/v2.1/servers/" + server).status()).as("others are answered meanwhile").isEqualTo(200);
    }

    @Test
    void inMemoryALostAnswerIsATransportFailure() {
        String server = activeServer();
        lose("stop", TransportFault.RESET);
        ApiRequest stop = ApiRequest.of("POST", "/v2.1/servers/" + server + "/action")
                .header("X-Auth-Token", demo.token()).header("Content-Type", "application/json")
                .body("{\"os-stop\": null}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> sim.exchange(stop)).isInstanceOfSatisfying(TransportFailure.class, lost -> {
            assertThat(lost.fault()).isEqualTo(TransportFault.RESET);
            assertThat(lost.ruleId()).isEqualTo("lossy");
        });
        assertThat(taskState(server)).isEqualTo("powering-off");
    }

    @Test
    void onVirtualTimeASlowAnswerMovesTheClockByWhatWasDrawnTheSameForTheSameSeed() {
        List<Duration> first = slowCreates();
        sim.control().reset();
        List<Duration> again = slowCreates();
        assertThat(again).isEqualTo(first);
        assertThat(first).allSatisfy(taken -> assertThat(taken).isBetween(Duration.ofSeconds(1),
                Duration.ofSeconds(3)));
        assertThat(first.stream().distinct().count()).as("drawn, not fixed").isGreaterThan(1);
    }

    /** Three creates under a rule that answers each 1 to 3 s late: how far the clock moved for each. */
    private List<Duration> slowCreates() {
        Client admin = Client.as(sim, "admin", "admin");
        Client user = Client.as(sim, "demo", "demo"); // a reset forgets tokens
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "slow", "match": {"operations": ["create"]},
                 "effect": {"type": "slow_answer", "latency": {"distribution": "uniform", "min": 1, "max": 3}}}""");
        assertThat(added.json().at("/effect/latency/distribution").asText()).isEqualTo("uniform");
        List<Duration> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant before = sim.control().now();
            assertThat(user.post("/v2.1/servers", BOOT).status()).isEqualTo(202);
            taken.add(Duration.between(before, sim.control().now()));
        }
        JsonNode journaled = Client.JSON.valueToTree(sim.control().requests().get(0).fault());
        assertThat(journaled.asText()).startsWith("rule slow: answer delayed by ");
        return taken;
    }

    @Test
    void followingTheWallClockASlowAnswerWaitsWithoutHoldingUpOthers() throws Exception {
        try (NovaSimulator live = NovaSimulator.builder().seed(16).clockSpeed(1).build().start()) {
            Client user = Client.as(live, "demo", "demo");
            live.control().addFault(new io.novasim.state.faults.FaultRule("slow",
                    io.novasim.state.faults.FaultMatch.operation(io.novasim.state.rules.Operation.CREATE),
                    new io.novasim.state.faults.FaultEffect.SlowAnswer(
                            io.novasim.state.faults.Latency.fixed(Duration.ofMillis(1500))),
                    io.novasim.state.faults.Trigger.nextCalls(1)));
            long began = System.nanoTime();
            CompletableFuture<Client.Response> slow = CompletableFuture.supplyAsync(() -> user.post("/v2.1/servers",
                    BOOT));
            Thread.sleep(200);
            for (int i = 0; i < 20; i++) {
                assertThat(user.get("/v2.1/flavors").status()).isEqualTo(200);
            }
            assertThat(slow).as("still waiting while 20 others were answered").isNotDone();
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));

            ApiResponse inMemory = live.exchange(ApiRequest.of("GET", "/v2.1/flavors")
                    .header("X-Auth-Token", user.token()));
            assertThat(inMemory.delivery()).isEqualTo(ApiResponse.Delivery.AT_ONCE);
        }
    }
}
