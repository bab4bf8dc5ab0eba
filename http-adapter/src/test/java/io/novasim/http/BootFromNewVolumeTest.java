package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A boot from a volume Nova makes from an image (or blank), with an empty imageRef, as openstackclient sends it. */
@Timeout(30)
class BootFromNewVolumeTest extends SeededCloudTest {
    private static final String CIRROS = "70a599e0-31e7-49b7-b260-868f441e862b";

    BootFromNewVolumeTest() {
        super(71);
    }

    private Client.Response boot(String mapping) {
        return demo.post("/v2.1/servers", """
                {"server": {"name": "bfv", "imageRef": "", "flavorRef": "1",
                 "block_device_mapping_v2": [%s]}}""".formatted(mapping));
    }

    @Test
    void aVolumeIsMadeFromTheImageAndBecomesTheServersRoot() {
        Client.Response created = boot("""
                {"uuid": "%s", "boot_index": 0, "source_type": "image", "destination_type": "volume",
                 "volume_size": 2}""".formatted(CIRROS));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String server = created.json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        JsonNode shown = demo.get("/v2.1/servers/" + server).json().get("server");
        assertThat(shown.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.get("image").asText()).as("volume-backed: no image").isEmpty();
        String volumeId = shown.at("/os-extended-volumes:volumes_attached/0/id").asText();
        String project = shown.get("tenant_id").asText();
        JsonNode volume = demo.get("/volume/v3/" + project + "/volumes/" + volumeId).json().get("volume");
        assertThat(volume.get("status").asText()).isEqualTo("in-use");
        assertThat(volume.get("size").asInt()).isEqualTo(2);
        assertThat(volume.get("bootable").asText()).isEqualTo("true");
        assertThat(volume.at("/attachments/0/device").asText()).isEqualTo("/dev/vda");
    }

    @Test
    void refusalsAreNovas() {
        Client.Response noSize = boot("""
                {"uuid": "%s", "boot_index": 0, "source_type": "image", "destination_type": "volume"}"""
                .formatted(CIRROS));
        assertThat(noSize.status()).isEqualTo(400);
        assertThat(noSize.json().at("/badRequest/message").asText())
                .isEqualTo("Images with destination_type 'volume' need to have a non-zero size specified");
        Client.Response noImage = boot("""
                {"uuid": "11111111-2222-3333-4444-555555555555", "boot_index": 0, "source_type": "image",
                 "destination_type": "volume", "volume_size": 1}""");
        assertThat(noImage.json().at("/badRequest/message").asText()).isEqualTo(
                "Block Device Mapping is Invalid: failed to get image 11111111-2222-3333-4444-555555555555.");
        Client.Response blank = boot("""
                {"boot_index": 0, "source_type": "blank", "destination_type": "volume"}""");
        assertThat(blank.json().at("/badRequest/message").asText())
                .isEqualTo("Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size");
        assertThat(demo.post("/v2.1/servers", """
                {"server": {"name": "none", "imageRef": "", "flavorRef": "1"}}""").json()
                .at("/badRequest/message").asText()).isEqualTo("Missing imageRef attribute");
    }
}
