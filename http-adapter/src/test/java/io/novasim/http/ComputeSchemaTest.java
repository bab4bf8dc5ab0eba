package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.schema.ResponseSchemas;
import io.novasim.model.volume.CinderVolume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the compute schema tests share: one simulator per class, reset before each test, a demo user, an admin, and
 * the microversions to check. Each subclass validates the bodies of one group of operations against the community
 * OpenAPI schemas ({@code src/test/resources/openapi/compute-v2.yaml}) with {@link ResponseSchemas}.
 */
abstract class ComputeSchemaTest extends SeededCloudTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    static final ResponseSchemas SCHEMAS = ResponseSchemas.compute();

    /**
     * The microversions where a compute body changes shape up to 2.93 (nova-semantics.md §2.5, §3.1, §4.1, §5;
     * client-wire-contract.md §3), each checked on its own.
     */
    static final List<String> VERSIONS = List.of("2.1", "2.2", "2.3", "2.9", "2.16", "2.19", "2.26", "2.35", "2.47",
            "2.51", "2.55", "2.58", "2.61", "2.62", "2.63", "2.69", "2.70", "2.71", "2.73", "2.75", "2.79", "2.84",
            "2.85", "2.89", "2.90", "2.92", "2.93");

    /** Who asks: the shapes of servers and instance actions differ for an admin. */
    enum Role {
        DEMO, ADMIN
    }

    Client admin;

    ComputeSchemaTest() {
        super(29);
    }

    @BeforeEach
    void fresh() {
        admin = Client.as(sim, "admin", "admin");
    }

    static Stream<String> versions() {
        return VERSIONS.stream();
    }

    static Stream<Arguments> versionsAndRoles() {
        return VERSIONS.stream().flatMap(v -> Stream.of(Arguments.of(v, Role.DEMO), Arguments.of(v, Role.ADMIN)));
    }

    Client as(Role role) {
        return role == Role.ADMIN ? admin : demo;
    }

    /** Boots a server as demo (at 2.1) and leaves it building. */
    String bootBuilding(String name) {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1", "networks": [{"uuid": "%s"}]}}"""
                .formatted(name, IMAGE, NET));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().at("/server/id").asText();
    }

    /** Boots a server as demo and lets it become ACTIVE. */
    String bootActive(String name) {
        String id = bootBuilding(name);
        sim.control().advance(Duration.ofSeconds(5));
        return id;
    }

    /** The id of a volume of the demo project that {@code CloudSetup.demo()} preloads. */
    String volume(String name) {
        return sim.control().state().volumes().stream().filter(v -> v.name().equals(name)).map(CinderVolume::id)
                .findFirst().orElseThrow();
    }

    /** Attaches a preloaded volume (at 2.1) and lets the attach complete. */
    void attachVolume(String server, String volumeName) {
        Client.Response attached = demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume(volumeName) + "\"}}");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(2));
    }

    /** A successful JSON answer. */
    static JsonNode ok(Client.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }
}
