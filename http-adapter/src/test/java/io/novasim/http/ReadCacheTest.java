package io.novasim.http;

import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read answered from what an earlier read rendered is the answer the state gives now: it changes with the state,
 * the clock's completed work, the caller, the microversion and the address the client reached.
 */
class ReadCacheTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    private static String logIn(NovaSimulator sim, String user, String project) {
        return sim.exchange(ApiRequest.of("POST", "/identity/v3/auth/tokens").json("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "Default"}, "password": "secret"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}""".formatted(user, project)))
                .header("X-Subject-Token");
    }

    private static ApiResponse get(NovaSimulator sim, String token, String path) {
        return sim.exchange(ApiRequest.of("GET", path).header("X-Auth-Token", token));
    }

    private static String create(NovaSimulator sim, String token, String name) {
        String body = sim.exchange(ApiRequest.of("POST", "/v2.1/servers").header("X-Auth-Token", token).json("""
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE))).text();
        return body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aChangeOfStateIsSeenAtOnce() {
        try (NovaSimulator sim = NovaSimulator.builder().build()) {
            String demo = logIn(sim, "demo", "demo");
            String id = create(sim, demo, "web");
            ApiResponse first = get(sim, demo, "/v2.1/servers/" + id);
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).isEqualTo(first.text());
            assertThat(first.header("x-openstack-request-id"))
                    .isNotEqualTo(get(sim, demo, "/v2.1/servers/" + id).header("x-openstack-request-id"));

            sim.exchange(ApiRequest.of("PUT", "/v2.1/servers/" + id).header("X-Auth-Token", demo)
                    .json("{\"server\": {\"name\": \"renamed\"}}"));
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).contains("\"name\":\"renamed\"");
            assertThat(get(sim, demo, "/v2.1/servers/detail").text()).contains("\"name\":\"renamed\"");

            sim.control().advance(Duration.ofMinutes(1));
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).contains("\"status\":\"ACTIVE\"");
            sim.control().reset();
            assertThat(get(sim, logIn(sim, "demo", "demo"), "/v2.1/servers/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void workTheWallClockCompletedIsSeen() throws InterruptedException {
        // 10 virtual seconds a wall second: a build of 20 s passes in 2 s, with no request in between
        try (NovaSimulator sim = NovaSimulator.builder().clockSpeed(10).timings(io.novasim.state.time.Timings
                .defaults().with(io.novasim.state.rules.Operation.CREATE, Duration.ofSeconds(20))).build()) {
            String demo = logIn(sim, "demo", "demo");
            String id = create(sim, demo, "web");
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).contains("\"status\":\"BUILD\"");
            Thread.sleep(2_500);
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).contains("\"status\":\"ACTIVE\"");
        }
    }

    @Test
    void eachCallerMicroversionAndAddressHasItsOwnAnswer() {
        try (NovaSimulator sim = NovaSimulator.builder().build()) {
            String demo = logIn(sim, "demo", "demo");
            String alt = logIn(sim, "alt", "alt");
            String id = create(sim, demo, "web");
            assertThat(get(sim, demo, "/v2.1/servers/" + id).status()).isEqualTo(200);
            assertThat(get(sim, alt, "/v2.1/servers/" + id).status()).isEqualTo(404);
            assertThat(get(sim, demo, "/v2.1/servers").text()).contains(id);
            assertThat(get(sim, alt, "/v2.1/servers").text()).doesNotContain(id);

            ApiResponse old = get(sim, demo, "/v2.1/servers/" + id);
            ApiResponse latest = sim.exchange(ApiRequest.of("GET", "/v2.1/servers/" + id)
                    .header("X-Auth-Token", demo).header("OpenStack-API-Version", "compute 2.90"));
            assertThat(old.text()).doesNotContain("OS-EXT-SRV-ATTR:hostname");
            assertThat(latest.text()).contains("OS-EXT-SRV-ATTR:hostname");

            ApiResponse elsewhere = sim.exchange(ApiRequest.of("GET", "/v2.1/servers/" + id)
                    .header("X-Auth-Token", demo).base("http://sim.example:9000"));
            assertThat(elsewhere.text()).contains("http://sim.example:9000/v2.1/servers/" + id)
                    .doesNotContain("127.0.0.1");
            assertThat(get(sim, demo, "/v2.1/servers/" + id).text()).contains("http://127.0.0.1:8774/v2.1/");
        }
    }
}
