package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.model.volume.CinderVolume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** os-interface, os-volume_attachments and media over HTTP, with the codes and texts of §3.2, §4.2 and seed 002. */
@Timeout(30)
class AttachDetachApiTest extends SeededCloudTest {
    static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    String server;

    AttachDetachApiTest() {
        super(11);
    }

    @BeforeEach
    void fresh() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private String volume() {
        return sim.control().state().volumes().stream().filter(v -> v.name().equals("data-1")).map(CinderVolume::id)
                .findFirst().orElseThrow();
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
    }

    @Test
    void interfacesAttachListShowAndDetachAsNovaDoes() {
        String path = "/v2.1/servers/" + server + "/os-interface";
        Client.Response attached = demo.post(path, "{\"interfaceAttachment\": {\"net_id\": \"" + NET + "\"}}");
        assertThat(attached.status()).isEqualTo(200);
        JsonNode port = attached.json().get("interfaceAttachment");
        assertThat(port.get("net_id").asText()).isEqualTo(NET);
        assertThat(port.get("port_state").asText()).isEqualTo("ACTIVE");
        assertThat(port.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.0.0.3");
        assertThat(port.has("tag")).as("tag only from 2.70").isFalse();
        String portId = port.get("port_id").asText();
        assertThat(demo.get(path).json().get("interfaceAttachments")).hasSize(2);
        assertThat(demo.microversion("2.70").get(path + "/" + portId).json().at("/interfaceAttachment/tag")
                .isNull()).isTrue();

        Client.Response detached = demo.delete(path + "/" + portId);
        assertThat(detached.status()).isEqualTo(202);
        assertThat(detached.text()).isEmpty();
        assertThat(demo.get(path).json().get("interfaceAttachments")).as("listed until the detach completes")
                .hasSize(2);
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(demo.get(path).json().get("interfaceAttachments")).hasSize(1);
        fault(demo.get(path + "/" + portId), 404, "itemNotFound", "Port id " + portId + " could not be found.");
    }

    @Test
    void interfaceErrorsOfSection32() {
        String path = "/v2.1/servers/" + server + "/os-interface";
        fault(demo.post(path, "{\"interfaceAttachment\": {\"net_id\": \"" + NET + "\", \"port_id\": \"" + NET
                + "\"}}"), 400, "badRequest", "Must not input both network_id and port_id");
        fault(demo.post(path, "{\"interfaceAttachment\": {\"fixed_ips\": [{\"ip_address\": \"10.0.0.9\"}]}}"), 400,
                "badRequest", "Must input network_id when request IP address");
        String missing = "11111111-2222-4333-8444-555555555555";
        fault(demo.post(path, "{\"interfaceAttachment\": {\"port_id\": \"" + missing + "\"}}"), 404, "itemNotFound",
                "Port id " + missing + " could not be found.");
        fault(demo.get("/v2.1/servers/" + missing + "/os-interface"), 404, "itemNotFound",
                "Instance " + missing + " could not be found.");
        demo.post("/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}");
        fault(demo.delete(path + "/" + missing), 409, "conflictingRequest",
                "Cannot 'detach_interface' instance " + server + " while it is in task_state rebooting");
        sim.control().runUntilIdle();
        assertThat(demo.post(path, "{}").status()).as("an empty body picks the network").isEqualTo(200);
        assertThat(demo.delete(path + "/" + missing).status()).as("Nova does not look at the port").isEqualTo(202);
        sim.control().runUntilIdle();
        JsonNode actions = demo.get("/v2.1/servers/" + server + "/os-instance-actions").json();
        assertThat(actions.at("/instanceActions/0/action").asText()).isEqualTo("detach_interface");
        assertThat(actions.at("/instanceActions/0/message").asText()).isEqualTo("Error");
    }

    @Test
    void volumesAttachAndDetachWithTheShapesOfEachMicroversion() {
        String volume = volume();
        String path = "/v2.1/servers/" + server + "/os-volume_attachments";
        Client.Response attached = demo.post(path, "{\"volumeAttachment\": {\"volumeId\": \"" + volume
                + "\", \"device\": null}}");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.json().at("/volumeAttachment/device").asText()).isEqualTo("/dev/vdb");
        assertThat(attached.json().at("/volumeAttachment/id").asText()).isEqualTo(volume);
        fault(demo.delete(path + "/" + volume), 400, "badRequest", "Invalid volume: Invalid input received: "
                + "Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be "
                + "'attached' to detach. (HTTP 400)");
        sim.control().advance(Duration.ofSeconds(2));

        JsonNode at289 = demo.microversion("2.89").get(path + "/" + volume).json().get("volumeAttachment");
        assertThat(at289.has("id")).isFalse();
        assertThat(at289.get("attachment_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(at289.get("bdm_uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(at289.get("delete_on_termination").asBoolean()).isFalse();
        JsonNode at21 = demo.get(path).json().at("/volumeAttachments/0");
        assertThat(at21.has("tag")).isFalse();
        assertThat(at21.get("serverId").asText()).isEqualTo(server);
        JsonNode shown = demo.get("/v2.1/servers/" + server).json().get("server");
        assertThat(shown.at("/os-extended-volumes:volumes_attached/0/id").asText()).isEqualTo(volume);

        assertThat(demo.delete(path + "/" + volume).status()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(1));
        fault(demo.get(path + "/" + volume), 404, "itemNotFound",
                "Instance " + server + " is not attached to volume " + volume);
        fault(demo.delete(path + "/" + volume), 404, "itemNotFound",
                "Instance " + server + " is not attached to volume " + volume);
    }

    @Test
    void aSwapIsForAdminsAndPutUpdatesInPlaceFrom285() {
        String volume = volume();
        String path = "/v2.1/servers/" + server + "/os-volume_attachments/" + volume;
        demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}");
        sim.control().advance(Duration.ofSeconds(2));
        fault(demo.put(path, "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed.");
        assertThat(demo.microversion("2.85").put(path, "{\"volumeAttachment\": {\"volumeId\": \"" + volume
                + "\", \"delete_on_termination\": true}}").status()).isEqualTo(202);
        assertThat(demo.microversion("2.85").get(path).json().at("/volumeAttachment/delete_on_termination")
                .asBoolean()).isTrue();
        fault(demo.microversion("2.85").put(path, "{\"volumeAttachment\": {\"volumeId\": \"" + volume
                + "\", \"device\": \"/dev/vdq\"}}"), 400, "badRequest", "The device property is not mutable");
    }

    @Test
    void mediaActionsAnswer200AndAre409WhileATaskRuns() {
        String action = "/v2.1/servers/" + server + "/action";
        Client.Response attached = demo.post(action, "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.text()).isEmpty();
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/OS-EXT-STS:task_state").asText())
                .isEqualTo("media_attaching");
        assertThat(demo.post(action, "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(409);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(demo.post(action, "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(200);
        assertThat(demo.post(action, "{\"media-detach\": {}}").status()).isEqualTo(400);
        assertThat(demo.post("/v2.1/servers/11111111-2222-4333-8444-555555555555/action",
                "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(404);
    }
}
