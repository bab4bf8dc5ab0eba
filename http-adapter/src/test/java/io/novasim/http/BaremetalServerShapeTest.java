package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare-metal dialect's server resource (nova-semantics.md §7.1) against Nova's view of the same server: the
 * states respelt, the bare-metal keys added, and Nova's own body untouched.
 */
@Timeout(60)
class BaremetalServerShapeTest {
    static final String PROJECT = "6f70656e737461636b20342065766572";
    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static NovaSimulator sim;
    static Client demo;
    String server;

    @BeforeAll
    static void start() {
        sim = NovaSimulator.builder().seed(5).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void createServer() {
        sim.control().reset();
        demo = Client.as(sim, "demo", "demo");
        server = demo.post("/v2.1/servers", "{\"server\": {\"name\": \"metal\", \"imageRef\": \"" + IMAGE
                + "\", \"flavorRef\": \"1\"}}").json().at("/server/id").asText();
    }

    private static String metal(String path) {
        return "/ecl/baremetal/v2/" + PROJECT + path;
    }

    private JsonNode metalShow() {
        Client.Response response = demo.get(metal("/servers/" + server));
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("server");
    }

    private JsonNode novaShow() {
        Client.Response response = demo.get("/v2.1/" + PROJECT + "/servers/" + server);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("server");
    }

    @Test
    void aBuildingServerIsBuildWithTaskBuildingAndNoState() {
        JsonNode body = metalShow();
        assertThat(body.get("OS-EXT-STS:power_state").asText()).isEqualTo("NOSTATE");
        assertThat(body.get("OS-EXT-STS:vm_state").asText()).isEqualTo("BUILD");
        assertThat(body.get("OS-EXT-STS:task_state").asText()).isEqualTo("BUILDING");
        assertThat(body.get("status").asText()).isEqualTo("BUILD");

        JsonNode nova = novaShow();
        assertThat(nova.get("OS-EXT-STS:power_state").isInt()).isTrue();
        assertThat(nova.get("OS-EXT-STS:power_state").asInt()).isZero();
        assertThat(nova.get("OS-EXT-STS:vm_state").asText()).isEqualTo("building");
        assertThat(nova.get("OS-EXT-STS:task_state").asText()).isEqualTo("scheduling");
    }

    @Test
    void anActiveServerHasEveryBareMetalKeyAndMediaAsTheyAttach() {
        sim.control().advance(Duration.ofSeconds(5));
        JsonNode idle = metalShow();
        assertThat(idle.get("OS-EXT-STS:power_state").asText()).isEqualTo("RUNNING");
        assertThat(idle.get("OS-EXT-STS:vm_state").asText()).isEqualTo("ACTIVE");
        assertThat(idle.get("OS-EXT-STS:task_state").isTextual()).as("idle is the string None, not null").isTrue();
        assertThat(idle.get("OS-EXT-STS:task_state").asText()).isEqualTo("None");
        assertThat(idle.get("media_attachments").isArray()).isTrue();
        assertThat(idle.get("media_attachments")).isEmpty();
        for (String key : List.of("raid_arrays", "lvm_volume_groups", "filesystems", "nic_physical_ports")) {
            assertThat(idle.get(key).isArray()).as(key).isTrue();
            assertThat(idle.get(key)).as(key).isEmpty();
        }
        assertThat(idle.get("chassis-status").isObject()).isTrue();
        assertThat(idle.at("/chassis-status/chassis-power").asBoolean()).isTrue();
        assertThat(idle.get("managed_by_service").isBoolean()).isTrue();
        assertThat(idle.get("managed_by_service").asBoolean()).isFalse();
        assertThat(idle.at("/links/0/href").asText()).isEqualTo(sim.baseUri() + metal("/servers/" + server));

        assertThat(demo.post(metal("/servers/" + server + "/action"),
                "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(200);
        JsonNode attaching = metalShow();
        assertThat(attaching.get("OS-EXT-STS:task_state").asText()).isEqualTo("MEDIA_ATTACHING");
        assertThat(attaching.at("/media_attachments/0/image/id").asText()).as("listed from the accepted attach")
                .isEqualTo(ISO);
        sim.control().advance(Duration.ofSeconds(2));

        JsonNode attached = metalShow();
        assertThat(attached.get("OS-EXT-STS:task_state").asText()).isEqualTo("None");
        assertThat(attached.get("media_attachments")).hasSize(1);
        JsonNode medium = attached.at("/media_attachments/0/image");
        assertThat(medium.get("id").asText()).isEqualTo(ISO);
        assertThat(medium.get("links")).hasSize(1);
        assertThat(medium.at("/links/0/href").asText()).isEqualTo(sim.baseUri() + metal("/images/" + ISO));
        assertThat(medium.at("/links/0/rel").asText()).isEqualTo("bookmark");

        JsonNode nova = novaShow();
        assertThat(nova.has("media_attachments")).as("Nova's body has no bare-metal key").isFalse();
        assertThat(nova.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(nova.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(nova.get("OS-EXT-STS:vm_state").asText()).isEqualTo("active");
        assertSameServerOtherwise(attached, nova);

        assertThat(demo.post(metal("/servers/" + server + "/action"),
                "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(200);
        JsonNode detaching = metalShow();
        assertThat(detaching.get("OS-EXT-STS:task_state").asText()).isEqualTo("MEDIA_DETACHING");
        assertThat(detaching.get("media_attachments")).as("listed until the detach completes").hasSize(1);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(metalShow().get("media_attachments")).isEmpty();
    }

    @Test
    void aStoppedServerIsShutdownAndStoppedAndTheDetailListHasTheSameShape() {
        sim.control().advance(Duration.ofSeconds(5));
        assertThat(demo.post(metal("/servers/" + server + "/action"), "{\"os-stop\": null}").status())
                .isEqualTo(202);
        assertThat(metalShow().get("OS-EXT-STS:task_state").asText()).isEqualTo("STOPPING");
        sim.control().advance(Duration.ofSeconds(5));
        JsonNode stopped = metalShow();
        assertThat(stopped.get("OS-EXT-STS:power_state").asText()).isEqualTo("SHUTDOWN");
        assertThat(stopped.get("OS-EXT-STS:vm_state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.at("/chassis-status/chassis-power").asBoolean()).isFalse();

        JsonNode detail = demo.get(metal("/servers/detail")).json().at("/servers/0");
        assertThat(detail).isEqualTo(stopped);
        JsonNode novaDetail = demo.get("/v2.1/" + PROJECT + "/servers/detail").json().at("/servers/0");
        assertThat(novaDetail).isEqualTo(novaShow());
        assertThat(novaDetail.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(novaDetail.get("OS-EXT-STS:vm_state").asText()).isEqualTo("stopped");
        assertSameServerOtherwise(detail, novaDetail);

        assertThat(demo.post(metal("/servers/" + server + "/action"), "{\"os-start\": null}").status())
                .isEqualTo(202);
        assertThat(metalShow().get("OS-EXT-STS:task_state").asText()).isEqualTo("STARTING");
        sim.control().advance(Duration.ofSeconds(5));
        assertThat(demo.post(metal("/servers/" + server + "/action"), "{\"reboot\": {\"type\": \"HARD\"}}")
                .status()).isEqualTo(202);
        assertThat(metalShow().get("OS-EXT-STS:task_state").asText()).isEqualTo("REBOOTING");
    }

    @Test
    void theOtherDialectsKeepNovasShapes() {
        sim.control().advance(Duration.ofSeconds(5));
        JsonNode nova = novaShow();
        JsonNode ecl = demo.get("/ecl/compute/v2/" + PROJECT + "/servers/" + server).json().get("server");
        assertThat(ecl.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(ecl.has("media_attachments")).isFalse();
        assertThat(ecl).isEqualTo(nova);
    }

    /** The bare-metal body less what the dialect respells or adds is Nova's body less its links. */
    private static void assertSameServerOtherwise(JsonNode metal, JsonNode nova) {
        ObjectNode metalRest = metal.deepCopy();
        ObjectNode novaRest = nova.deepCopy();
        List<String> dialectKeys = new ArrayList<>(List.of("OS-EXT-STS:power_state", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "links"));
        dialectKeys.forEach(novaRest::remove);
        dialectKeys.addAll(List.of("media_attachments", "raid_arrays", "lvm_volume_groups", "filesystems",
                "nic_physical_ports", "chassis-status", "managed_by_service"));
        dialectKeys.forEach(metalRest::remove);
        assertThat(metalRest).isEqualTo(novaRest);
    }
}
