package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Server bodies (nova-semantics.md §2.5) against the community schemas, per microversion, for a user and an admin. */
@Timeout(60)
class ComputeServersSchemaTest extends ComputeSchemaTest {

    @ParameterizedTest(name = "POST /servers at {0}")
    @MethodSource("versions")
    void create(String version) {
        Client.Response created = demo.microversion(version).post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "networks": [{"uuid": "%s"}]}}"""
                .formatted(IMAGE, NET));
        SCHEMAS.assertValid("POST", "/v2.1/servers", version, ok(created, 202));
    }

    @ParameterizedTest(name = "GET /servers/ID ACTIVE at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showActive(String version, Role role) {
        String id = bootActive("web");
        attachVolume(id, "data-1");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/" + id), 200);
        assertThat(body.at("/server/status").asText()).isEqualTo("ACTIVE");
        assertThat(body.at("/server/os-extended-volumes:volumes_attached")).hasSize(1);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{id}", version, body);
    }

    @ParameterizedTest(name = "GET /servers/ID BUILD at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showBuilding(String version, Role role) {
        String id = bootBuilding("web");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/" + id), 200);
        assertThat(body.at("/server/status").asText()).isEqualTo("BUILD");
        SCHEMAS.assertValid("GET", "/v2.1/servers/{id}", version, body);
    }

    @ParameterizedTest(name = "GET /servers/ID ERROR with a fault at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showErrorWithFault(String version, Role role) {
        sim.control().addFault(new FaultRule("no-valid-host", FaultMatch.operation(Operation.CREATE),
                new FaultEffect.FailCompletion(500, "No valid host was found. "), Trigger.nextCalls(1)));
        String id = bootActive("doomed");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/" + id), 200);
        assertThat(body.at("/server/status").asText()).isEqualTo("ERROR");
        assertThat(body.at("/server/fault/code").asInt()).isEqualTo(500);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{id}", version, body);
    }

    @ParameterizedTest(name = "GET /servers/ID SHUTOFF and locked at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void showStoppedAndLocked(String version, Role role) {
        String id = bootActive("web");
        assertThat(demo.post("/v2.1/servers/" + id + "/action", "{\"os-stop\": null}").status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(demo.microversion("2.73").post("/v2.1/servers/" + id + "/action",
                "{\"lock\": {\"locked_reason\": \"maintenance\"}}").status()).isEqualTo(202);
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/" + id), 200);
        assertThat(body.at("/server/status").asText()).isEqualTo("SHUTOFF");
        SCHEMAS.assertValid("GET", "/v2.1/servers/{id}", version, body);
    }

    @ParameterizedTest(name = "GET /servers at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void list(String version, Role role) {
        bootActive("web");
        bootBuilding("db");
        bootBuilding("cache");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers?limit=2" + allTenants(role)), 200);
        assertThat(body.get("servers")).hasSize(2);
        assertThat(body.has("servers_links")).isTrue();
        SCHEMAS.assertValid("GET", "/v2.1/servers", version, body);
    }

    @ParameterizedTest(name = "GET /servers/detail at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void detail(String version, Role role) {
        String active = bootActive("web");
        attachVolume(active, "data-1");
        sim.control().addFault(new FaultRule("no-valid-host", FaultMatch.operation(Operation.CREATE),
                new FaultEffect.FailCompletion(500, "No valid host was found. "), Trigger.nextCalls(1)));
        bootActive("doomed");
        bootBuilding("db");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/detail?" + allTenants(role)), 200);
        assertThat(body.get("servers")).extracting(s -> s.get("status").asText())
                .containsExactlyInAnyOrder("ACTIVE", "ERROR", "BUILD");
        SCHEMAS.assertValid("GET", "/v2.1/servers/detail", version, body);
        JsonNode page = ok(as(role).microversion(version).get("/v2.1/servers/detail?limit=1" + allTenants(role)),
                200);
        assertThat(page.has("servers_links")).isTrue();
        SCHEMAS.assertValid("GET", "/v2.1/servers/detail", version, page);
    }

    /** An admin sees the demo project's servers in a list only with {@code all_tenants}. */
    private static String allTenants(Role role) {
        return role == Role.ADMIN ? "&all_tenants=1" : "";
    }

    @ParameterizedTest(name = "PUT /servers/ID at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void update(String version, Role role) {
        String id = bootActive("web");
        JsonNode body = ok(as(role).microversion(version).put("/v2.1/servers/" + id,
                "{\"server\": {\"name\": \"renamed\"}}"), 200);
        assertThat(body.at("/server/name").asText()).isEqualTo("renamed");
        SCHEMAS.assertValid("PUT", "/v2.1/servers/{id}", version, body);
    }

    @ParameterizedTest(name = "GET /servers/ID/ips at {0}")
    @MethodSource("versions")
    void ips(String version) {
        String id = bootActive("web");
        JsonNode body = ok(demo.microversion(version).get("/v2.1/servers/" + id + "/ips"), 200);
        assertThat(body.at("/addresses/private")).hasSize(1);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/ips", version, body);
        JsonNode network = ok(demo.microversion(version).get("/v2.1/servers/" + id + "/ips/private"), 200);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/ips/{id}", version, network);
    }

    @ParameterizedTest(name = "POST /servers/ID/action rescue at {0}")
    @MethodSource("versions")
    void rescue(String version) {
        String id = bootActive("web");
        JsonNode body = ok(demo.microversion(version).post("/v2.1/servers/" + id + "/action", "{\"rescue\": null}"),
                200);
        // The action's response is a oneOf over every action; rescue has its own schema.
        SCHEMAS.assertValidSchema("ServersAction_RescueResponse", body);
    }

    @ParameterizedTest(name = "GET /servers/detail in many states at {0} as {1}")
    @MethodSource("versionsAndRoles")
    void detailInManyStates(String version, Role role) {
        String paused = bootActive("paused");
        String suspended = bootActive("suspended");
        String rescued = bootActive("rescued");
        String shelved = bootActive("shelved");
        String rebooting = bootActive("rebooting");
        attachVolume(shelved, "data-1");
        act(paused, "{\"pause\": null}");
        act(suspended, "{\"suspend\": null}");
        act(rescued, "{\"rescue\": null}");
        act(shelved, "{\"shelve\": null}");
        sim.control().advance(Duration.ofSeconds(20));
        act(rebooting, "{\"reboot\": {\"type\": \"HARD\"}}");
        JsonNode body = ok(as(role).microversion(version).get("/v2.1/servers/detail?" + allTenants(role)), 200);
        assertThat(body.get("servers")).extracting(s -> s.get("status").asText())
                .contains("PAUSED", "SUSPENDED", "RESCUE", "HARD_REBOOT").anyMatch(s -> s.startsWith("SHELVED"));
        SCHEMAS.assertValid("GET", "/v2.1/servers/detail", version, body);
    }

    private void act(String server, String action) {
        Client.Response response = demo.post("/v2.1/servers/" + server + "/action", action);
        assertThat(response.status()).as(action + " -> " + response).isIn(200, 202);
    }

    @ParameterizedTest(name = "an extra server field is caught at {0}")
    @MethodSource("versions")
    void anExtraFieldIsCaughtAndReportedAgainstTheFullServerVariant(String version) {
        String id = bootActive("web");
        JsonNode body = ok(demo.microversion(version).get("/v2.1/servers/" + id), 200);
        ((ObjectNode) body.get("server")).put("surprise", true);
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{id}", version, body).problems())
                .anySatisfy(p -> assertThat(p).contains("[additionalProperties]", "'surprise'"))
                .as("only the full server's variant is reported, not the down-cell one")
                .noneSatisfy(p -> assertThat(p).contains("/oneOf/1"));
    }
}
