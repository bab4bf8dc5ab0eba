package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code os-instance-actions} bodies (nova-semantics.md §5, §10) against the community schemas, per microversion, for
 * the owner and an admin (events, traceback, host and details differ).
 */
@Timeout(60)
class ComputeInstanceActionsSchemaTest extends ComputeSchemaTest {
    static final String MISSING_PORT = "11111111-2222-4333-8444-555555555555";
    String server;
    String path;

    @BeforeEach
    void historyWithAFailure() {
        server = bootActive("web");
        path = "/v2.1/servers/" + server + "/os-instance-actions";
        assertThat(demo.post("/v2.1/servers/" + server + "/action", "{\"os-stop\": null}").status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(2));
        // Nova accepts the detach of a port that is not attached and records the failure on the action.
        assertThat(demo.delete("/v2.1/servers/" + server + "/os-interface/" + MISSING_PORT).status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(1));
    }

    private String requestIdOf(String action) {
        for (JsonNode entry : demo.get(path).json().get("instanceActions")) {
            if (entry.get("action").asText().equals(action)) {
                return entry.get("request_id").asText();
            }
        }
        throw new AssertionError("no " + action + " action");
    }

    @ParameterizedTest(name = "GET os-instance-actions at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void list(String version, Role role) {
        JsonNode body = ok(as(role).microversion(version).get(path), 200);
        assertThat(body.get("instanceActions")).hasSize(3);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-instance-actions", version, body);
    }

    @ParameterizedTest(name = "GET os-instance-actions?limit=1 at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void listAPage(String version, Role role) {
        JsonNode body = ok(as(role).microversion(version).get(path + "?limit=1"), 200);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-instance-actions", version, body);
    }

    @ParameterizedTest(name = "GET os-instance-actions/REQUEST (create) at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showASuccess(String version, Role role) {
        JsonNode body = ok(as(role).microversion(version).get(path + "/" + requestIdOf("create")), 200);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-instance-actions/{id}", version, body);
    }

    @ParameterizedTest(name = "GET os-instance-actions/REQUEST (failed detach) at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showAFailure(String version, Role role) {
        JsonNode body = ok(as(role).microversion(version).get(path + "/" + requestIdOf("detach_interface")), 200);
        assertThat(body.at("/instanceAction/message").asText()).isEqualTo("Error");
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-instance-actions/{id}", version, body);
    }
}
