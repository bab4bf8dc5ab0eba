package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.control.ControlRoutes;
import io.novasim.http.schema.OpenApiSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane's OpenAPI document is the control plane: every route it serves is in the document and nothing
 * else is, the document is served without a token, and real answers hold to its schemas.
 */
@Timeout(30)
class ControlPlaneOpenApiTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private final OpenApiSchemas document = OpenApiSchemas.of("/io/novasim/http/control/control-plane.openapi.json");
    Client admin;

    ControlPlaneOpenApiTest() {
        super(31);
    }

    @BeforeEach
    void operator() {
        admin = Client.as(sim, "admin", "admin");
    }

    @Test
    void theDocumentHasEveryRouteOfTheControlPlaneAndNoOther() {
        List<String> documented = new ArrayList<>();
        document.document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> served = new ControlRoutes(new Simulation(sim.settings())).routes();
        assertThat(new TreeSet<>(documented)).isEqualTo(new TreeSet<>(served));
        assertThat(document.document().path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void itIsServedWithoutAToken() {
        Client.Response served = Client.anonymous(sim).get("/__sim/v1/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json()).isEqualTo(document.document());
    }

    @Test
    void answersHoldToTheDocumentsSchemas() {
        demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        admin.post("/__sim/v1/faults", """
                {"id": "slow", "match": {"operations": ["stop"]}, "effect": {"type": "delay", "seconds": 3}}""");
        valid("Clock", admin.get("/__sim/v1/clock").json());
        valid("Clock", admin.post("/__sim/v1/clock/advance", "{\"seconds\": 5}").json());
        valid("ClockMoved", admin.post("/__sim/v1/clock/run-until-idle", "{}").json());
        valid("Settings", admin.get("/__sim/v1/settings").json());
        valid("Settings", admin.send("PATCH", "/__sim/v1/settings", "{\"clock\": {\"mode\": \"client\"}}").json());
        valid("State", admin.get("/__sim/v1/state").json());
        valid("Snapshot", admin.get("/__sim/v1/snapshot").json());
        for (JsonNode request : admin.get("/__sim/v1/requests").json().get("requests")) {
            valid("RecordedRequest", request);
        }
        for (JsonNode rule : admin.get("/__sim/v1/faults").json().get("rules")) {
            valid("FaultRule", rule);
        }
        valid("Error", admin.send("PATCH", "/__sim/v1/settings", "{\"seed\": 2}").json());
        JsonNode camelCase = admin.get("/__sim/v1/requests").json().at("/requests/0").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) camelCase).set("virtualTime", camelCase.get("virtual_time"));
        assertThat(document.validate("RecordedRequest", camelCase)).as("the schemas hold answers to one style")
                .isNotEmpty();
    }

    private void valid(String schema, JsonNode answer) {
        assertThat(document.validate(schema, answer)).as(schema + ": " + answer).isEmpty();
    }
}
