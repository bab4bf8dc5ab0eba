package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ImageApiTest extends SeededCloudTest {
    static final String CIRROS = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String RESCUE = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    static final String NO_SUCH = "00000000-0000-4000-8000-000000000000";

    ImageApiTest() {
        super(17);
    }

    static List<String> ids(Client.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().get("images").forEach(image -> ids.add(image.get("id").asText()));
        return ids;
    }

    @Test
    void versionDiscoveryNeedsNoToken() {
        for (String path : List.of("/image", "/image/")) {
            Client.Response versions = Client.anonymous(sim).get(path);
            assertThat(versions.status()).as(path).isEqualTo(300);
            JsonNode current = versions.json().at("/versions/0");
            assertThat(current.get("id").asText()).startsWith("v2.");
            assertThat(current.get("status").asText()).isEqualTo("CURRENT");
            assertThat(current.at("/links/0/rel").asText()).isEqualTo("self");
            assertThat(current.at("/links/0/href").asText()).isEqualTo(sim.baseUri() + "/image/v2/");
            assertThat(versions.json().get("versions")).allSatisfy(v ->
                    assertThat(v.get("id").asText()).startsWith("v2."));
            assertThat(versions.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        }
        assertThat(Client.anonymous(sim).get("/image/versions").status()).isEqualTo(200);
    }

    @Test
    void imagesNeedAValidToken() {
        Client bogus = Client.anonymous(sim).withHeader("X-Auth-Token", "gAAAAAnot-a-token");
        for (Client client : List.of(Client.anonymous(sim), bogus)) {
            for (String path : List.of("/image/v2/images", "/image/v2/images/" + CIRROS)) {
                Client.Response response = client.get(path);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(response.json().at("/error/message").asText())
                        .isEqualTo("The request you have made requires authentication.");
            }
        }
    }

    @Test
    void listHasGlancesShape() {
        Client.Response listed = demo.get("/image/v2/images");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).containsExactly(CIRROS, RESCUE);
        assertThat(listed.json().get("first").asText()).isEqualTo("/v2/images");
        assertThat(listed.json().get("schema").asText()).isEqualTo("/v2/schemas/images");
        assertThat(listed.json().has("next")).isFalse();
    }

    @Test
    void showHasGlancesFields() {
        Client.Response shown = demo.get("/image/v2/images/" + CIRROS);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode image = shown.json();
        assertThat(image.get("id").asText()).isEqualTo(CIRROS);
        assertThat(image.get("name").asText()).isEqualTo("cirros-0.6.2-x86_64-disk");
        assertThat(image.get("status").asText()).isEqualTo("active");
        assertThat(image.get("visibility").asText()).isEqualTo("public");
        assertThat(image.get("protected").asBoolean()).isFalse();
        assertThat(image.get("os_hidden").asBoolean()).isFalse();
        assertThat(image.get("checksum").asText()).matches("[0-9a-f]{32}");
        assertThat(image.get("os_hash_algo").asText()).isEqualTo("sha512");
        assertThat(image.get("os_hash_value").asText()).matches("[0-9a-f]{128}");
        assertThat(image.get("container_format").asText()).isEqualTo("bare");
        assertThat(image.get("disk_format").asText()).isEqualTo("qcow2");
        assertThat(image.get("size").asLong()).isEqualTo(21_430_272L);
        assertThat(image.get("min_disk").asInt()).isZero();
        assertThat(image.get("min_ram").asInt()).isZero();
        assertThat(image.get("owner").asText()).isEqualTo(CloudSetup.ADMIN_PROJECT);
        assertThat(image.get("tags")).isEmpty();
        assertThat(image.get("created_at").asText()).endsWith("Z");
        assertThat(image.get("updated_at").asText()).endsWith("Z");
        assertThat(image.get("self").asText()).isEqualTo("/v2/images/" + CIRROS);
        assertThat(image.get("file").asText()).isEqualTo("/v2/images/" + CIRROS + "/file");
        assertThat(image.get("schema").asText()).isEqualTo("/v2/schemas/image");
        assertThat(demo.get("/image/v2/images").json().at("/images/0")).isEqualTo(image);
    }

    @Test
    void unknownImageIs404() {
        for (String id : List.of(NO_SUCH, "cirros")) {
            Client.Response missing = demo.get("/image/v2/images/" + id);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("message").asText()).isEqualTo("No image found with ID " + id);
            assertThat(missing.json().get("title").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void listFiltersExactlyByNameAndOtherAttributes() {
        assertThat(ids(demo.get("/image/v2/images?name=rescue-media.iso"))).containsExactly(RESCUE);
        assertThat(ids(demo.get("/image/v2/images?name=rescue"))).isEmpty();
        assertThat(ids(demo.get("/image/v2/images?disk_format=qcow2"))).containsExactly(CIRROS);
        assertThat(ids(demo.get("/image/v2/images?status=active&visibility=public"))).hasSize(2);
        assertThat(ids(demo.get("/image/v2/images?visibility=private"))).isEmpty();
        assertThat(ids(demo.get("/image/v2/images?sort_key=name&colour=blue"))).hasSize(2);
    }

    @Test
    void listPagesWithLimitAndMarker() {
        Client.Response first = demo.get("/image/v2/images?limit=1");
        assertThat(ids(first)).containsExactly(CIRROS);
        String next = first.json().get("next").asText();
        assertThat(next).isEqualTo("/v2/images?limit=1&marker=" + CIRROS);
        Client.Response second = demo.get("/image" + next);
        assertThat(ids(second)).containsExactly(RESCUE);
        assertThat(second.json().has("next")).isFalse();
        assertThat(demo.get("/image/v2/images?marker=" + NO_SUCH).status()).isEqualTo(400);
        assertThat(demo.get("/image/v2/images?limit=many").status()).isEqualTo(400);
        assertThat(ids(demo.get("/image/v2/images?limit=2147483647&marker=" + CIRROS))).containsExactly(RESCUE);
    }

    @Test
    void everyRequestIsJournaledUnderItsRequestId() {
        Client.Response shown = demo.get("/image/v2/images/" + NO_SUCH);
        assertThat(shown.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        assertThat(sim.control().requests()).anySatisfy(r -> {
            assertThat(r.requestId()).isEqualTo(shown.header("x-openstack-request-id"));
            assertThat(r.path()).isEqualTo("/image/v2/images/" + NO_SUCH);
            assertThat(r.status()).isEqualTo(404);
        });
    }
}
