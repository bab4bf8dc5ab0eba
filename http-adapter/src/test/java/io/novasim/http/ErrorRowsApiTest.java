package io.novasim.http;

import io.novasim.model.volume.CinderVolume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows of nova-semantics.md §3.2 and §4.2 over HTTP, each with its status, fault name and text. */
@Timeout(30)
class ErrorRowsApiTest extends SeededCloudTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    Client admin;
    String server;

    ErrorRowsApiTest() {
        super(23);
    }

    @BeforeEach
    void fresh() {
        admin = Client.as(sim, "admin", "admin");
        server = boot("web");
    }

    private String boot(String name) {
        String id = demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE))
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        return id;
    }

    private String volume(String name) {
        return sim.control().state().volumes().stream().filter(v -> v.name().equals(name)).map(CinderVolume::id)
                .findFirst().orElseThrow();
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/" + name + "/message").asText()).isEqualTo(message);
        assertThat(response.json().at("/" + name + "/code").asInt()).isEqualTo(code);
    }

    private String interfaces(String id) {
        return "/v2.1/servers/" + id + "/os-interface";
    }

    private String attachments(String id) {
        return "/v2.1/servers/" + id + "/os-volume_attachments";
    }

    @Test
    void aPortAlreadyBoundIsStillInUse() {
        String other = boot("db");
        String port = demo.get(interfaces(other)).json().at("/interfaceAttachments/0/port_id").asText();
        fault(demo.post(interfaces(server), "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\"}}"), 409,
                "conflictingRequest", "Port " + port + " is still in use.");
    }

    @Test
    void aFixedIpInUseIsAConflict() {
        fault(demo.post(interfaces(server), "{\"interfaceAttachment\": {\"net_id\": \"" + NET
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.2\"}]}}"), 409, "conflictingRequest",
                "Fixed IP 10.0.0.2 is already in use.");
    }

    @Test
    void schemaRowsOfTheInterfaceBody() {
        fault(demo.post(interfaces(server), "{\"interfaceAttachment\": {\"net_id\": \"" + NET
                        + "\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.7\"}, {\"ip_address\": \"10.0.0.8\"}]}}"),
                400, "badRequest", "Invalid input for field/attribute fixed_ips. Value: [{'ip_address': '10.0.0.7'}, "
                        + "{'ip_address': '10.0.0.8'}]. [{'ip_address': '10.0.0.7'}, {'ip_address': '10.0.0.8'}] is "
                        + "too long");
        fault(demo.microversion("2.49").post(interfaces(server), "{\"interfaceAttachment\": {\"tag\": \"a/b\"}}"),
                400, "badRequest", "Invalid input for field/attribute tag. Value: a/b. 'a/b' does not match "
                        + "'^[^,/]*$'");
    }

    @Test
    void aLockedServerRefusesItsOwnerButNotAnAdmin() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"lock\": null}");
        fault(demo.post(interfaces(server), "{}"), 409, "conflictingRequest", "Instance " + server + " is locked");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + volume("data-1")
                + "\"}}"), 409, "conflictingRequest", "Instance " + server + " is locked");
        assertThat(admin.post(interfaces(server), "{}").status()).as("the server's project's network")
                .isEqualTo(200);
    }

    @Test
    void aWrongVmStateIsAConflict() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"suspend\": null}");
        sim.control().runUntilIdle();
        fault(demo.post(interfaces(server), "{}"), 409, "conflictingRequest",
                "Cannot 'attach_interface' instance " + server + " while it is in vm_state suspended");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + volume("data-1")
                        + "\"}}"), 409, "conflictingRequest",
                "Cannot 'attach_volume' instance " + server + " while it is in vm_state suspended");
    }

    @Test
    void aVolumeAttachedElsewhereOrTwiceIsABadRequest() {
        String other = boot("db");
        String volume = volume("data-1");
        demo.post(attachments(other), "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}"), 400,
                "badRequest", "Invalid volume: volume " + volume + " is already attached to instances: " + other);
    }

    @Test
    void multiattachNeeds260() {
        String shared = volume("shared-data");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + shared + "\"}}"), 400,
                "badRequest", "Multiattach volumes are only supported starting with compute API version 2.60.");
        assertThat(demo.microversion("2.60").post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \""
                + shared + "\"}}").status()).isEqualTo(200);
    }

    @Test
    void shelvedServersNeed220AndRefuseTags() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"shelve\": null}");
        sim.control().runUntilIdle();
        String volume = volume("data-1");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}"), 409,
                "conflictingRequest", "Cannot 'attach_volume' instance " + server
                        + " while it is in vm_state shelved_offloaded");
        fault(demo.microversion("2.49").post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \""
                        + volume + "\", \"tag\": \"x\"}}"), 400, "badRequest",
                "Tagged volume attachment is not supported for shelved-offloaded instances.");
        Client.Response attached = demo.microversion("2.20").post(attachments(server),
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.json().at("/volumeAttachment/device").isNull()).isTrue();
    }

    @Test
    void anAttachmentListsQueryNamesTheParameterItRefuses() {
        // nova/api/validation/validators.py: "Invalid input for query parameters <the parameter's name>. ..."
        Client latest = demo.microversion("2.75");
        fault(latest.get(attachments(server) + "?limit=x"), 400, "badRequest",
                "Invalid input for query parameters limit. Value: x. 'x' does not match '^[0-9]*$'");
        fault(latest.get(attachments(server) + "?offset=x"), 400, "badRequest",
                "Invalid input for query parameters offset. Value: x. 'x' does not match '^[0-9]*$'");
        fault(latest.get(attachments(server) + "?sort=x"), 400, "badRequest",
                "Invalid input for query parameters sort. Value: x. Additional properties are not allowed ('sort' was"
                        + " unexpected)");
    }

    @Test
    void theRootVolumeCannotBeDetached() {
        String boot = volume("data-1");
        String bfv = demo.post("/v2.1/servers", """
                {"server": {"name": "bfv", "imageRef": "", "flavorRef": "1", "block_device_mapping_v2": [
                  {"boot_index": 0, "uuid": "%s", "source_type": "volume", "destination_type": "volume"}]}}"""
                .formatted(boot)).json().at("/server/id").asText();
        sim.control().runUntilIdle();
        fault(demo.delete(attachments(bfv) + "/" + boot), 400, "badRequest", "Cannot detach a root device volume");
    }

    @Test
    void unknownVolumesAndServersAreNotFound() {
        String missing = "99999999-8888-4777-8666-555555555555";
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {\"volumeId\": \"" + missing + "\"}}"), 404,
                "itemNotFound", "Volume " + missing + " could not be found.");
        fault(demo.delete(attachments(server) + "/" + missing), 404, "itemNotFound",
                "Volume " + missing + " could not be found.");
        fault(demo.get(attachments(missing)), 404, "itemNotFound", "Instance " + missing + " could not be found.");
        fault(demo.post(attachments(server), "{\"volumeAttachment\": {}}"), 400, "badRequest",
                "Invalid input for field/attribute volumeAttachment. Value: {}. 'volumeId' is a required property");
    }
}
