package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.RecordedRequest;
import io.novasim.model.error.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route real OpenStack serves and novasim does not simulate is answered 501 in the service's own error body, naming
 * the method and the route, journaled and logged as such; a route real OpenStack does not have either keeps the 404.
 */
@Timeout(30)
class NotSimulatedRoutesTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private String server;

    NotSimulatedRoutesTest() {
        super(5);
    }

    @BeforeEach
    void aServer() {
        server = demo.post("/v2.1/servers", "{\"server\": {\"name\": \"web\", \"imageRef\": \"" + IMAGE
                + "\", \"flavorRef\": \"1\"}}").json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private static void notImplemented(Client.Response answer, String faultKey, String message) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(501);
        JsonNode fault = answer.json().get(faultKey);
        assertThat(fault).as(answer.toString()).isNotNull();
        assertThat(fault.get("code").asInt()).isEqualTo(501);
        assertThat(fault.get("message").asText()).isEqualTo(message);
    }

    @Test
    void novaRoutesItDoesNotSimulateAre501() {
        Client.Response diagnostics = demo.send("GET", "/v2.1/servers/" + server + "/diagnostics", null);
        notImplemented(diagnostics, "notImplemented",
                "novasim does not simulate GET /v2.1/servers/{server_id}/diagnostics");
        assertThat(diagnostics.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(diagnostics.header("x-openstack-request-id")).startsWith("req-");
        notImplemented(demo.get("/v2.1/os-simple-tenant-usage"), "notImplemented",
                "novasim does not simulate GET /v2.1/os-simple-tenant-usage");
        String project = sim.control().state().servers().get(0).projectId();
        notImplemented(demo.get("/v2.1/" + project + "/os-simple-tenant-usage/" + project), "notImplemented",
                "novasim does not simulate GET /v2.1/os-simple-tenant-usage/{id}");
    }

    @Test
    void removedApisAreGoneAsInNova() {
        Client.Response agents = demo.get("/v2.1/os-agents");
        assertThat(agents.status()).isEqualTo(410);
        assertThat(agents.json().at("/computeFault/message").asText())
                .isEqualTo("This resource is no longer available. No forwarding address is given.");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-virtual-interfaces").status()).isEqualTo(410);
        assertThat(Client.anonymous(sim).get("/v2.1/os-agents").status()).isEqualTo(401);
    }

    @Test
    void whatRealNovaDoesNotRouteStays404AndATokenComesFirst() {
        Client.Response unknown = demo.get("/v2.1/servers/" + server + "/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("404 Not Found");
        assertThat(demo.send("PATCH", "/v2.1/os-simple-tenant-usage", "{}").status())
                .as("a method real Nova does not route there").isEqualTo(404);
        assertThat(Client.anonymous(sim).get("/v2.1/os-simple-tenant-usage").status()).isEqualTo(401);
    }

    @Test
    void neutronCinderGlanceAndKeystoneAnswerInTheirOwnBodies() {
        Client.Response network = demo.post("/network/v2.0/routers", "{\"router\": {\"name\": \"r\"}}");
        assertThat(network.status()).isEqualTo(501);
        assertThat(network.json().at("/NeutronError/type").asText()).isEqualTo("HTTPNotImplemented");
        assertThat(network.json().at("/NeutronError/message").asText())
                .isEqualTo("novasim does not simulate POST /v2.0/routers");
        assertThat(demo.get("/network/v2.0/floatingips").status()).isEqualTo(501);

        String project = sim.control().state().servers().get(0).projectId();
        notImplemented(demo.get("/volume/v3/" + project + "/snapshots"), "notImplemented",
                "novasim does not simulate GET /v3/{project_id}/snapshots");

        Client.Response image = demo.send("GET", "/image/v2/images/" + IMAGE + "/members", null);
        assertThat(image.status()).isEqualTo(501);
        assertThat(image.json().get("title").asText()).isEqualTo("Not Implemented");
        assertThat(image.json().get("code").asText()).isEqualTo("501 Not Implemented");
        assertThat(image.json().get("message").asText())
                .isEqualTo("novasim does not simulate GET /v2/images/{image_id}/members");

        Client.Response roles = demo.get("/identity/v3/roles");
        assertThat(roles.status()).isEqualTo(501);
        assertThat(roles.json().at("/error/title").asText()).isEqualTo("Not Implemented");
        assertThat(roles.json().at("/error/message").asText())
                .isEqualTo("novasim does not simulate GET /v3/roles");

        assertThat(Client.anonymous(sim).get("/identity/v3/roles").status()).as("Keystone checks the token first")
                .isEqualTo(401);
        assertThat(demo.get("/network/v2.0/no-such-things").status()).isEqualTo(404);
        assertThat(Client.anonymous(sim).post("/network/v2.0/networks", "{}").status())
                .as("keystonemiddleware before the route").isEqualTo(401);
    }

    @Test
    void theJournalAndTheLogNameTheRefusal() {
        demo.get("/v2.1/os-simple-tenant-usage");
        demo.post("/network/v2.0/routers", "{}");
        RecordedRequest nova = sim.control().requests().stream()
                .filter(r -> r.path().equals("/v2.1/os-simple-tenant-usage")).findFirst().orElseThrow();
        assertThat(nova.status()).isEqualTo(501);
        assertThat(nova.refusalId()).isEqualTo(Refusal.NOT_SIMULATED);
        assertThat(nova.refusal()).contains("novasim does not simulate GET /v2.1/os-simple-tenant-usage");
        RecordedRequest neutron = sim.control().requests().stream()
                .filter(r -> r.path().equals("/network/v2.0/routers")).findFirst().orElseThrow();
        assertThat(neutron.refusalId()).isEqualTo(Refusal.NEUTRON_NOT_SIMULATED);
    }
}
