package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.http.schema.Microversions;
import io.novasim.http.schema.OpenApiSchemas;
import io.novasim.http.schema.ResponseSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema loader and validator themselves: the right variant per microversion, and failures that are caught. */
@Timeout(60)
class ComputeOpenApiSchemaTest {
    static final OpenApiSchemas COMPUTE = OpenApiSchemas.compute();
    static final ResponseSchemas SCHEMAS = ResponseSchemas.of(COMPUTE);

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource({
            "GET, /v2.1/servers/{id}, 2.1, ServerShowResponse_20",
            "GET, /v2.1/servers/{id}, 2.2, ServerShowResponse_20",
            "GET, /v2.1/servers/{id}, 2.3, ServerShowResponse_23",
            "GET, /v2.1/servers/{id}, 2.15, ServerShowResponse_29",
            "GET, /v2.1/servers/{id}, 2.16, ServerShowResponse_216",
            "GET, /v2.1/servers/{id}, 2.46, ServerShowResponse_226",
            "GET, /v2.1/servers/{id}, 2.72, ServerShowResponse_271",
            "GET, /v2.1/servers/{id}, 2.93, ServerShowResponse_290",
            "GET, /v2.1/servers/{id}, 2.100, ServerShowResponse_2100",
            "GET, /v2.1/servers/detail, 2.1, ServersDetailDetailResponse_21",
            "GET, /v2.1/servers, 2.69, ServersIndexResponse_269",
            "POST, /v2.1/servers, 2.93, ServersCreateResponse",
            "GET, /v2.1/servers/{server_id}/os-interface/{id}, 2.69, ServersOs_InterfaceShowResponse_21",
            "GET, /v2.1/servers/{server_id}/os-interface/{id}, 2.70, ServersOs_InterfaceShowResponse_270",
            "POST, /v2.1/servers/{server_id}/os-volume_attachments, 2.89, "
                    + "ServersOs_Volume_AttachmentsCreateResponse_279",
            "GET, /v2.1/flavors/{id}, 2.101, FlavorShowResponse_275",
            "GET, /v2.1/flavors/{id}, 2.102, FlavorShowResponse_2102",
    })
    void picksTheHighestSuffixAtOrBelowTheRequest(String method, String path, String version, String expected) {
        assertThat(COMPUTE.responseSchema(method, path, version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} loads")
    @ValueSource(strings = {"identity-v3.yaml", "network-v2.yaml", "block-storage-v3.yaml", "image-v2.yaml"})
    void theOtherServicesDocumentsLoadToo(String file) {
        OpenApiSchemas document = OpenApiSchemas.of(file);
        assertThat(document.document().path("openapi").asText()).startsWith("3.1");
        assertThat(document.document().path("paths").size()).isPositive();
    }

    @Test
    void aVersionBelowEveryVariantIsAnError() {
        assertThatThrownBy(() -> Microversions.pick(List.of("A_21", "A_270"), "2.0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectNode attachment() {
        ObjectNode inner = Client.JSON.createObjectNode()
                .put("id", "5f0a2b53-0b0e-4a5e-9a4c-2b2e0d7c9f11")
                .put("serverId", "2c3a9f0e-6a8b-4a38-9cde-6d8f5b3e1a22")
                .put("volumeId", "5f0a2b53-0b0e-4a5e-9a4c-2b2e0d7c9f11")
                .put("device", "/dev/vdb");
        ObjectNode body = Client.JSON.createObjectNode();
        body.set("volumeAttachment", inner);
        return body;
    }

    @Test
    void aValidBodyPasses() {
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{server_id}/os-volume_attachments/{id}", "2.1",
                attachment()).problems()).isEmpty();
    }

    @Test
    void anExtraFieldAMissingFieldAWrongTypeAndABadFormatAreAllReported() {
        ObjectNode body = attachment();
        ObjectNode inner = (ObjectNode) body.get("volumeAttachment");
        inner.put("tag", "a tag before 2.70");
        inner.remove("serverId");
        inner.put("device", 5);
        inner.put("volumeId", "not-a-uuid");
        ResponseSchemas.Outcome outcome = SCHEMAS.check("GET",
                "/v2.1/servers/{server_id}/os-volume_attachments/{id}", "2.1", body);
        assertThat(outcome.schema()).isEqualTo("ServersOs_Volume_AttachmentShowResponse_20");
        assertThat(String.join("\n", outcome.problems()))
                .contains("[additionalProperties]", "tag")
                .contains("[required]", "serverId")
                .contains("[type]", "/volumeAttachment/device")
                .contains("[format]", "/volumeAttachment/volumeId");
        assertThatThrownBy(() -> SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-volume_attachments/{id}",
                "2.1", body)).isInstanceOf(AssertionError.class).hasMessageContaining("4 problem(s)");
    }

    @Test
    void referencesInsideTheDocumentAreFollowed() {
        // ServerShowResponse_269 nests a oneOf (a full server, or the partial one of a down cell).
        ObjectNode server = Client.JSON.createObjectNode().put("id", "not-a-server");
        ObjectNode body = Client.JSON.createObjectNode();
        body.set("server", server);
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{id}", "2.69", body).problems()).isNotEmpty();
    }

    @Test
    void aNaiveTimestampIsExcusedOnlyWhereNovaWritesOne() {
        JsonNode action = Client.JSON.createObjectNode().set("instanceAction", Client.JSON.createObjectNode()
                .put("action", "create").put("instance_uuid", "2c3a9f0e-6a8b-4a38-9cde-6d8f5b3e1a22")
                .putNull("message").put("project_id", "p").put("request_id", "req-1").put("user_id", "u")
                .put("start_time", "2026-01-01T00:00:05.000000"));
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{server_id}/os-instance-actions/{id}", "2.1", action)
                .problems()).isEmpty();

        ((ObjectNode) action.get("instanceAction")).put("start_time", "yesterday");
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{server_id}/os-instance-actions/{id}", "2.1", action)
                .problems()).singleElement().asString().contains("[format]", "/instanceAction/start_time");

        // A server's created must carry its zone: Nova writes it as 2013-09-23T13:53:12Z.
        JsonNode server = Client.JSON.createObjectNode().set("server", Client.JSON.createObjectNode()
                .put("created", "2026-01-01T00:00:05.000000"));
        assertThat(SCHEMAS.check("GET", "/v2.1/servers/{id}", "2.1", server).problems())
                .anySatisfy(p -> assertThat(p).contains("[format]", "/server/created"));
    }

    @Test
    void aFlavorDescriptionIsRequiredFrom255AndRefusedBefore() {
        ObjectNode flavor = Client.JSON.createObjectNode().put("OS-FLV-DISABLED:disabled", false)
                .put("OS-FLV-EXT-DATA:ephemeral", 0).putNull("description").put("disk", 1).put("id", "1")
                .put("name", "m1.tiny").put("os-flavor-access:is_public", true).put("ram", 512)
                .put("rxtx_factor", 1.0).put("swap", "").put("vcpus", 1);
        flavor.putArray("links");
        JsonNode body = Client.JSON.createObjectNode().set("flavor", flavor);
        assertThat(SCHEMAS.check("GET", "/v2.1/flavors/{id}", "2.55", body).problems()).isEmpty();
        assertThat(SCHEMAS.check("GET", "/v2.1/flavors/{id}", "2.54", body).problems())
                .singleElement().asString().contains("[additionalProperties]", "description");
        flavor.remove("description");
        assertThat(SCHEMAS.check("GET", "/v2.1/flavors/{id}", "2.55", body).problems())
                .singleElement().asString().contains("[required]", "description");
    }
}
