package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code os-volume_attachments} bodies (nova-semantics.md §4.1) against the community schemas, per microversion. */
@Timeout(60)
class ComputeVolumeAttachmentsSchemaTest extends ComputeSchemaTest {
    String server;
    String path;

    @BeforeEach
    void activeServer() {
        server = bootActive("web");
        path = "/v2.1/servers/" + server + "/os-volume_attachments";
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(2));
    }

    /** Attaches a preloaded volume at {@code version}, with the optional fields the microversion takes. */
    private Client.Response attach(String version, String volumeName) {
        StringBuilder body = new StringBuilder("{\"volumeAttachment\": {\"volumeId\": \"" + volume(volumeName)
                + "\", \"device\": null");
        if (minor(version) >= 49) {
            body.append(", \"tag\": \"disk1\"");
        }
        if (minor(version) >= 79) {
            body.append(", \"delete_on_termination\": true");
        }
        return demo.microversion(version).post(path, body.append("}}").toString());
    }

    @ParameterizedTest(name = "POST os-volume_attachments at {0}")
    @MethodSource("versions")
    void create(String version) {
        JsonNode body = ok(attach(version, "data-1"), 200);
        SCHEMAS.assertValid("POST", "/v2.1/servers/{server_id}/os-volume_attachments", version, body);
    }

    @ParameterizedTest(name = "GET os-volume_attachments at {0}")
    @MethodSource("versions")
    void list(String version) {
        ok(attach("2.1", "data-1"), 200);
        ok(attach("2.79", "shared-data"), 200);
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode body = ok(demo.microversion(version).get(path), 200);
        assertThat(body.get("volumeAttachments")).hasSize(2);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments", version, body);
    }

    @ParameterizedTest(name = "GET os-volume_attachments while attaching at {0}")
    @MethodSource("versions")
    void listWhileAttaching(String version) {
        ok(attach("2.79", "data-1"), 200);
        JsonNode body = ok(demo.microversion(version).get(path), 200);
        assertThat(body.get("volumeAttachments")).hasSize(1);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments", version, body);
    }

    @ParameterizedTest(name = "GET os-volume_attachments/VOLUME at {0}")
    @MethodSource("versions")
    void show(String version) {
        ok(attach("2.79", "data-1"), 200);
        sim.control().advance(Duration.ofSeconds(2));
        JsonNode body = ok(demo.microversion(version).get(path + "/" + volume("data-1")), 200);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments/{id}", version, body);
    }

    static Stream<String> versionsFrom220() {
        return versions().filter(v -> minor(v) >= 20);
    }

    /** A shelved-offloaded server (2.20+): the attach is inline, the device is null and the list omits it. */
    @ParameterizedTest(name = "os-volume_attachments of a shelved-offloaded server at {0}")
    @MethodSource("versionsFrom220")
    void ofAShelvedOffloadedServer(String version) {
        assertThat(demo.post("/v2.1/servers/" + server + "/action", "{\"shelve\": null}").status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(20));
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/status").asText())
                .isEqualTo("SHELVED_OFFLOADED");
        String more = minor(version) >= 79 ? ", \"delete_on_termination\": true" : "";
        String body = "{\"volumeAttachment\": {\"volumeId\": \"" + volume("data-1") + "\"" + more + "}}";
        JsonNode created = ok(demo.microversion(version).post(path, body), 200);
        SCHEMAS.assertValid("POST", "/v2.1/servers/{server_id}/os-volume_attachments", version, created);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments", version,
                ok(demo.microversion(version).get(path), 200));
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments/{id}", version,
                ok(demo.microversion(version).get(path + "/" + volume("data-1")), 200));
        SCHEMAS.assertValid("GET", "/v2.1/servers/{id}", version,
                ok(demo.microversion(version).get("/v2.1/servers/" + server), 200));
    }
}
