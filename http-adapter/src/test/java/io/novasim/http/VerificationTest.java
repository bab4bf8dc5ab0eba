package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.novasim.RequestCount.atLeast;
import static io.novasim.RequestCount.exactly;
import static io.novasim.RequestCount.never;
import static io.novasim.RequestPattern.anyRequest;
import static io.novasim.RequestPattern.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal as WireMock users verify it: headers kept with tokens redacted, counts, near misses, numbering. */
@Timeout(30)
class VerificationTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    VerificationTest() {
        super(29);
    }

    @Test
    void journaledRequestsKeepTheirHeadersWithTheTokenRedacted() {
        demo.microversion("2.79").get("/v2.1/servers");
        demo.get("/v2.1/flavors");
        RecordedRequest first = sim.control().requests().get(0);
        assertThat(first.header("openstack-api-version")).isEqualTo("compute 2.79");
        assertThat(first.header("Accept")).isEqualTo("application/json");
        String token = first.header("X-Auth-Token");
        assertThat(token).startsWith("{SHA256}").hasSize("{SHA256}".length() + 64).doesNotContain(demo.token());
        assertThat(sim.control().requests().get(1).header("x-auth-token")).as("the same token reads the same")
                .isEqualTo(token);
        assertThat(Client.as(sim, "demo", "demo").get("/v2.1/flavors").status()).isEqualTo(200);
        assertThat(sim.control().requests().get(2).header("X-Auth-Token")).as("another token").isNotEqualTo(token);
        assertThat(Client.as(sim, "admin", "admin").get("/__sim/v1/requests").text())
                .contains("\"virtual_time\"", "\"X-Auth-Token\":\"{SHA256}").doesNotContain(demo.token());
    }

    @Test
    void countsMatchPathsWithOrWithoutTheProjectIdAndFailuresListTheNearMisses() {
        demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        demo.get("/v2.1/" + CloudSetup.DEMO_PROJECT + "/servers/detail");
        demo.get("/v2.1/servers/detail");
        demo.get("/v2.1/flavors");

        sim.control().verify(exactly(2), requests("GET", "/v2.1/servers/detail"));
        sim.control().verify(exactly(1), requests("POST", "/v2.1/servers").withStatus(202));
        sim.control().verify(atLeast(4), anyRequest());
        sim.control().verify(never(), requests("DELETE", "/v2.1/servers/.*"));
        sim.control().verify(exactly(1), requests("GET", "/v2.1/[0-9a-f]{32}/servers/detail"));
        sim.control().verify(exactly(1), requests("POST", "/v2.1/servers").withBodyContaining("\"web\""));

        assertThatThrownBy(() -> sim.control().verify(exactly(1), requests("GET", "/v2.1/server/detail")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected exactly 1 request matching GET /v2.1/server/detail, but 0 did\n"
                        + "Near misses:\n  #2 GET /v2.1/" + CloudSetup.DEMO_PROJECT + "/servers/detail -> 200 "
                        + "(differs in path)\n  #3 GET /v2.1/servers/detail -> 200 (differs in path)");
        assertThatThrownBy(() -> sim.control().verify(never(), requests("GET", "/v2.1/flavors")))
                .hasMessageContaining("Expected no request matching GET /v2.1/flavors, but 1 did:\n"
                        + "  #4 GET /v2.1/flavors -> 200");
    }

    @Test
    void countsMatchAnOperationWhateverItsPathAndRefusedCallsCount() {
        String server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE))
                .json().at("/server/id").asText();
        assertThat(demo.post("/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}")
                .status()).as("refused while building").isEqualTo(409);
        sim.control().advance(java.time.Duration.ofSeconds(10));
        demo.post("/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}");
        demo.get("/volume/v3/" + CloudSetup.DEMO_PROJECT + "/volumes");

        sim.control().verify(exactly(1), io.novasim.RequestPattern.operation("create"));
        sim.control().verify(exactly(2), io.novasim.RequestPattern.operation("reboot-soft"));
        sim.control().verify(exactly(1), io.novasim.RequestPattern.operation("reboot_soft").withStatus(409));
        sim.control().verify(exactly(1), io.novasim.RequestPattern.operation("get_volumes"));
        sim.control().verify(never(), io.novasim.RequestPattern.operation("detach_volume"));
        assertThat(sim.control().requests()).extracting(RecordedRequest::operation)
                .containsExactly("create", "reboot_soft", "reboot_soft", "get_volumes");
        assertThatThrownBy(() -> sim.control().verify(exactly(1), io.novasim.RequestPattern.operation("reboot_hard")))
                .hasMessageContaining("Near misses:\n  #2 POST /v2.1/servers/" + server + "/action -> 409 "
                        + "(differs in operation reboot_soft)");
    }

    @Test
    void aCountSaysItselfInWords() {
        assertThat(List.of(exactly(1), exactly(3), never(), atLeast(2), io.novasim.RequestCount.atMost(1),
                new io.novasim.RequestCount(2, 5))).extracting(Object::toString).containsExactly("exactly 1 request",
                "exactly 3 requests", "no request", "at least 2 requests", "at most 1 request", "from 2 to 5 requests");
    }

    @Test
    void aResetNumbersTheJournalFromOneAgain() throws InterruptedException {
        demo.get("/v2.1/flavors");
        demo.get("/v2.1/flavors");
        assertThat(sim.control().requests()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L);
        sim.control().reset();
        Client.as(sim, "demo", "demo").get("/v2.1/servers");
        assertThat(sim.control().requests()).extracting(RecordedRequest::sequence).containsExactly(1L);
        assertThat(sim.control().takeRequest(1, TimeUnit.SECONDS).path()).isEqualTo("/v2.1/servers");
    }
}
