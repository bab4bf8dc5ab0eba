package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
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

@Timeout(30)
class VolumeApiTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String VOLUMES = "/volume/v3/" + CloudSetup.DEMO_PROJECT + "/volumes";
    static final String NO_SUCH = "00000000-0000-4000-8000-000000000000";
    /** What tempest's volume schema requires, and all a non-admin may see at 3.0. */
    static final List<String> TEMPEST_FIELDS = List.of("attachments", "links", "encrypted", "updated_at",
            "replication_status", "id", "size", "user_id", "availability_zone", "metadata", "status", "description",
            "multiattach", "consistencygroup_id", "name", "bootable", "created_at", "volume_type", "snapshot_id",
            "source_volid");
    static NovaSimulator sim;
    Client demo;

    @BeforeAll
    static void start() {
        sim = NovaSimulator.builder().seed(13).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void fresh() {
        sim.control().reset();
        demo = Client.as(sim, "demo", "demo");
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    String createVolume(String name) {
        Client.Response created = demo.post(VOLUMES, """
                {"volume": {"size": 1, "name": "%s"}}""".formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().at("/volume/id").asText();
    }

    JsonNode volume(String id) {
        Client.Response shown = demo.get(VOLUMES + "/" + id);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        return shown.json().get("volume");
    }

    String bootActiveServer() {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "vm", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(5));
        return created.json().at("/server/id").asText();
    }

    static void assertFault(Client.Response response, int status, String fault, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().at("/" + fault + "/code").asInt()).isEqualTo(status);
        assertThat(response.json().at("/" + fault + "/message").asText()).isEqualTo(message);
    }

    @Test
    void versionDiscoveryNeedsNoToken() {
        Client anonymous = Client.anonymous(sim);
        for (String path : List.of("/volume/", "/volume/v3/", "/volume", "/volume/v3")) {
            Client.Response versions = anonymous.get(path);
            assertThat(versions.status()).as(path).isIn(200, 300);
            JsonNode v3 = versions.json().at("/versions/0");
            assertThat(v3.get("id").asText()).isEqualTo("v3.0");
            assertThat(v3.get("status").asText()).isEqualTo("CURRENT");
            assertThat(v3.get("version").asText()).isEqualTo("3.70");
            assertThat(v3.get("min_version").asText()).isEqualTo("3.0");
            assertThat(v3.get("updated").asText()).isNotEmpty();
            assertThat(v3.at("/media-types/0/base").asText()).isEqualTo("application/json");
            assertThat(field(v3.get("links"), "href")).contains(sim.baseUri() + "/volume/v3/");
            assertThat(versions.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        }
        assertThat(anonymous.get("/volume/").status()).isEqualTo(300);
        assertThat(anonymous.get("/volume/v3/").status()).isEqualTo(200);
    }

    @Test
    void everyVolumeCallNeedsAValidToken() {
        Client bogus = Client.anonymous(sim).withHeader("X-Auth-Token", "gAAAAAnot-a-token");
        for (Client client : List.of(Client.anonymous(sim), bogus)) {
            for (String path : List.of(VOLUMES, VOLUMES + "/detail", VOLUMES + "/" + NO_SUCH)) {
                Client.Response response = client.get(path);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(response.json().at("/error/code").asInt()).isEqualTo(401);
            }
            assertThat(client.post(VOLUMES, "{\"volume\": {\"size\": 1}}").status()).isEqualTo(401);
            assertThat(client.delete(VOLUMES + "/" + NO_SUCH).status()).isEqualTo(401);
        }
    }

    @Test
    void createAnswers202CreatingThenTheVolumeIsAvailable() {
        // The body openstack volume create sends: every field the user left out is null.
        Client.Response created = demo.post(VOLUMES, """
                {"volume": {"size": 2, "name": "data", "description": null, "volume_type": null,
                 "availability_zone": null, "metadata": {"role": "db"}, "snapshot_id": null, "source_volid": null,
                 "imageRef": null, "backup_id": null, "consistencygroup_id": null, "multiattach": null}}""");
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        JsonNode volume = created.json().get("volume");
        assertThat(names(volume)).containsExactlyInAnyOrderElementsOf(TEMPEST_FIELDS);
        assertThat(volume.get("status").asText()).isEqualTo("creating");
        assertThat(volume.get("size").asInt()).isEqualTo(2);
        assertThat(volume.get("name").asText()).isEqualTo("data");
        assertThat(volume.get("metadata").get("role").asText()).isEqualTo("db");
        assertThat(volume.get("volume_type").asText()).isEqualTo("__DEFAULT__");
        assertThat(volume.get("bootable").asText()).isEqualTo("false");
        assertThat(volume.get("multiattach").asBoolean()).isFalse();
        assertThat(volume.get("encrypted").asBoolean()).isFalse();
        assertThat(volume.get("user_id").asText()).isEqualTo("d3b07384d113edec49eaa6238ad5ff00");
        assertThat(volume.get("availability_zone").asText()).isEqualTo("nova");
        assertThat(volume.get("attachments")).isEmpty();
        assertThat(volume.get("description").isNull()).isTrue();
        assertThat(volume.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(volume.at("/links/0/href").asText()).isEqualTo(sim.baseUri() + VOLUMES + "/"
                + volume.get("id").asText());

        sim.control().advance(Duration.ofSeconds(1));
        JsonNode available = volume(volume.get("id").asText());
        assertThat(available.get("status").asText()).isEqualTo("available");
        assertThat(available.get("metadata").get("role").asText()).isEqualTo("db");
    }

    @Test
    void createAcceptsDisplayNameAnImageAndASourceVolume() {
        Client.Response created = demo.post(VOLUMES, """
                {"volume": {"size": 1, "display_name": "legacy", "display_description": "old style",
                 "imageRef": "%s", "unknown_field": null}}""".formatted(IMAGE));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(created.json().at("/volume/name").asText()).isEqualTo("legacy");
        assertThat(created.json().at("/volume/description").asText()).isEqualTo("old style");
        assertThat(created.json().at("/volume/bootable").asText()).isEqualTo("true");

        String source = created.json().at("/volume/id").asText();
        sim.control().advance(Duration.ofSeconds(1));
        Client.Response clone = demo.post(VOLUMES, """
                {"volume": {"source_volid": "%s", "name": "clone"}}""".formatted(source));
        assertThat(clone.status()).as(clone.toString()).isEqualTo(202);
        assertThat(clone.json().at("/volume/size").asInt()).isEqualTo(1);
        assertThat(clone.json().at("/volume/source_volid").asText()).isEqualTo(source);
        assertThat(clone.json().at("/volume/bootable").asText()).isEqualTo("true");
    }

    @Test
    void createRefusals() {
        assertFault(demo.post(VOLUMES, "{\"volume\": {\"name\": \"no-size\"}}"), 400, "badRequest",
                "Invalid input received: volume size must be an integer and greater than 0");
        assertThat(demo.post(VOLUMES, "{\"volume\": {\"size\": 0}}").status()).isEqualTo(400);
        assertThat(demo.post(VOLUMES, "{\"volume\": {\"size\": \"big\"}}").status()).isEqualTo(400);
        assertFault(demo.post(VOLUMES, "{\"size\": 1}"), 400, "badRequest",
                "Missing required element 'volume' in request body.");
        assertThat(demo.post(VOLUMES, "{\"volume\": {\"size\": 1, \"availability_zone\": \"mars\"}}").status())
                .isEqualTo(400);
        assertFault(demo.post(VOLUMES, "{\"volume\": {\"size\": 1, \"snapshot_id\": \"%s\"}}".formatted(NO_SUCH)),
                404, "itemNotFound", "Snapshot " + NO_SUCH + " could not be found.");
        assertFault(demo.post(VOLUMES, "{\"volume\": {\"source_volid\": \"%s\"}}".formatted(NO_SUCH)),
                404, "itemNotFound", "Volume " + NO_SUCH + " could not be found.");
        assertThat(demo.post(VOLUMES, "{\"volume\": {\"size\": 1, \"imageRef\": \"%s\"}}".formatted(NO_SUCH))
                .status()).isEqualTo(400);
        assertThat(demo.post(VOLUMES, "{not json").status()).isEqualTo(400);
        assertThat(demo.get(VOLUMES + "/detail").json().get("volumes")).hasSize(2);
    }

    @Test
    void listSummaryDetailAndFilters() {
        String mine = createVolume("mine");
        JsonNode summary = demo.get(VOLUMES).json().get("volumes");
        assertThat(field(summary, "name")).containsExactly("mine", "shared-data", "data-1");
        assertThat(names(summary.get(0))).containsExactly("id", "links", "name");

        JsonNode detail = demo.get(VOLUMES + "/detail").json().get("volumes");
        assertThat(detail).hasSize(3);
        assertThat(names(detail.get(0))).containsExactlyInAnyOrderElementsOf(TEMPEST_FIELDS);
        assertThat(field(detail, "status")).containsExactly("creating", "available", "available");

        assertThat(field(demo.get(VOLUMES + "/detail?name=mine").json().get("volumes"), "id"))
                .containsExactly(mine);
        assertThat(demo.get(VOLUMES + "?name=min").json().get("volumes")).isEmpty();
        assertThat(field(demo.get(VOLUMES + "/detail?status=available").json().get("volumes"), "name"))
                .containsExactly("shared-data", "data-1");
        // cinderclient's find adds all_tenants=1, which a non-admin may send
        assertThat(field(demo.get(VOLUMES + "/detail?all_tenants=1&name=mine").json().get("volumes"), "id"))
                .containsExactly(mine);
    }

    @Test
    void listPagesWithLimitAndMarker() {
        Client.Response first = demo.get(VOLUMES + "/detail?limit=1");
        assertThat(field(first.json().get("volumes"), "name")).containsExactly("shared-data");
        String next = first.json().at("/volumes_links/0/href").asText();
        assertThat(next).startsWith(sim.baseUri() + VOLUMES + "/detail?limit=1&marker=");
        Client.Response second = demo.get(next.substring(sim.baseUri().toString().length()));
        assertThat(field(second.json().get("volumes"), "name")).containsExactly("data-1");
        assertThat(second.json().has("volumes_links")).isFalse();
        assertThat(demo.get(VOLUMES + "?marker=" + NO_SUCH).status()).isEqualTo(400);
        assertThat(demo.get(VOLUMES + "?limit=2147483647&marker=" + second.json().at("/volumes/0/id").asText())
                .json().get("volumes")).isEmpty();
        assertThat(demo.get(VOLUMES + "?limit=-1").status()).isEqualTo(400);
    }

    @Test
    void showUnknownIsCindersItemNotFound() {
        Client.Response missing = demo.get(VOLUMES + "/" + NO_SUCH);
        assertFault(missing, 404, "itemNotFound", "Volume " + NO_SUCH + " could not be found.");
        assertFault(demo.delete(VOLUMES + "/" + NO_SUCH), 404, "itemNotFound",
                "Volume " + NO_SUCH + " could not be found.");
    }

    @Test
    void volumesAreIsolatedByProjectAndAdminsSeeAllTenantsOnRequest() {
        String id = createVolume("private");
        Client alt = Client.as(sim, "alt", "alt");
        String altVolumes = "/volume/v3/" + CloudSetup.ALT_PROJECT + "/volumes";
        assertThat(alt.get(altVolumes + "/detail").json().get("volumes")).isEmpty();
        assertFault(alt.get(altVolumes + "/" + id), 404, "itemNotFound", "Volume " + id + " could not be found.");
        assertThat(alt.delete(altVolumes + "/" + id).status()).isEqualTo(404);

        Client admin = Client.as(sim, "admin", "admin");
        String adminVolumes = "/volume/v3/" + CloudSetup.ADMIN_PROJECT + "/volumes";
        assertThat(admin.get(adminVolumes + "/detail").json().get("volumes")).isEmpty();
        JsonNode all = admin.get(adminVolumes + "/detail?all_tenants=1").json().get("volumes");
        assertThat(field(all, "id")).contains(id).hasSize(3);
        assertThat(all.get(0).get("os-vol-tenant-attr:tenant_id").asText()).isEqualTo(CloudSetup.DEMO_PROJECT);
        assertThat(admin.get(adminVolumes + "/" + id).json().at("/volume/os-vol-tenant-attr:tenant_id").asText())
                .isEqualTo(CloudSetup.DEMO_PROJECT);
        assertThat(volume(id).has("os-vol-tenant-attr:tenant_id")).isFalse();
    }

    @Test
    void theProjectInTheUrlMustBeTheTokens() {
        Client.Response mismatch = demo.get("/volume/v3/" + CloudSetup.ALT_PROJECT + "/volumes");
        assertFault(mismatch, 400, "badRequest", "Malformed request url");
    }

    @Test
    void theVolumeMicroversionIsEchoed() {
        Client.Response plain = demo.get(VOLUMES);
        assertThat(plain.header("OpenStack-API-Version")).isEqualTo("volume 3.0");
        Client sdk = demo.withHeader("OpenStack-API-Version", "volume 3.60");
        Client.Response asked = sdk.get(VOLUMES + "/detail");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.header("OpenStack-API-Version")).isEqualTo("volume 3.60");
        assertThat(asked.headerValues("Vary")).contains("OpenStack-API-Version");
        assertThat(asked.json().at("/volumes/0").has("service_uuid")).isTrue();
        assertThat(asked.json().at("/volumes/0").has("group_id")).isTrue();
        assertThat(demo.withHeader("OpenStack-API-Version", "volume latest").get(VOLUMES)
                .header("OpenStack-API-Version")).isEqualTo("volume 3.70");
        assertThat(demo.withHeader("OpenStack-API-Version", "volume 3.99").get(VOLUMES).status()).isEqualTo(406);
        assertThat(demo.withHeader("OpenStack-API-Version", "volume three").get(VOLUMES).status()).isEqualTo(400);
    }

    @Test
    void statusFollowsAComputeAttachAndDetachAndAnAttachedVolumeCannotBeDeleted() {
        String server = bootActiveServer();
        String id = createVolume("disk");
        assertThat(volume(id).get("status").asText()).isEqualTo("creating");
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(volume(id).get("status").asText()).isEqualTo("available");

        Client.Response attach = demo.post("/v2.1/servers/" + server + "/os-volume_attachments", """
                {"volumeAttachment": {"volumeId": "%s"}}""".formatted(id));
        assertThat(attach.status()).as(attach.toString()).isEqualTo(200);
        JsonNode attaching = volume(id);
        assertThat(attaching.get("status").asText()).isIn("reserved", "attaching");
        assertThat(attaching.get("attachments")).isEmpty();
        sim.control().advance(Duration.ofSeconds(2));

        JsonNode inUse = volume(id);
        assertThat(inUse.get("status").asText()).isEqualTo("in-use");
        JsonNode attachment = inUse.at("/attachments/0");
        assertThat(names(attachment)).containsExactlyInAnyOrder("server_id", "attachment_id", "volume_id", "device",
                "id", "host_name", "attached_at");
        assertThat(attachment.get("server_id").asText()).isEqualTo(server);
        assertThat(attachment.get("volume_id").asText()).isEqualTo(id);
        assertThat(attachment.get("id").asText()).isEqualTo(id);
        assertThat(attachment.get("device").asText()).isEqualTo("/dev/vdb");
        assertThat(attachment.get("attachment_id").asText()).matches("[0-9a-f-]{36}");

        Client.Response refused = demo.delete(VOLUMES + "/" + id);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asText()).startsWith("Invalid volume: Volume status "
                + "must be available");

        assertThat(demo.delete("/v2.1/servers/" + server + "/os-volume_attachments/" + id).status())
                .isEqualTo(202);
        assertThat(volume(id).get("status").asText()).isEqualTo("detaching");
        sim.control().advance(Duration.ofSeconds(1));
        JsonNode detached = volume(id);
        assertThat(detached.get("status").asText()).isEqualTo("available");
        assertThat(detached.get("attachments")).isEmpty();

        assertThat(demo.delete(VOLUMES + "/" + id).status()).isEqualTo(202);
        assertThat(volume(id).get("status").asText()).isEqualTo("deleting");
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(demo.get(VOLUMES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyRequestIsJournaledUnderItsRequestId() {
        Client.Response listed = demo.get(VOLUMES + "/detail?name=x");
        assertThat(sim.control().requests()).anySatisfy(r -> {
            assertThat(r.requestId()).isEqualTo(listed.header("x-openstack-request-id"));
            assertThat(r.path()).isEqualTo(VOLUMES + "/detail");
            assertThat(r.query()).isEqualTo("name=x");
            assertThat(r.status()).isEqualTo(200);
        });
    }
}
