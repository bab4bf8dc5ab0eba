package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The version documents (nova-semantics.md §1.5, client-wire-contract.md §3) against the community schemas. */
@Timeout(60)
class ComputeVersionsSchemaTest extends ComputeSchemaTest {
    /** The one version object of {@code GET /v2.1/}; the document has no schema for the root list. */
    static final List<String> VERSION_OBJECT = List.of("components", "schemas", "RootShowResponse", "properties",
            "version");

    @Test
    void theV21Document() {
        JsonNode body = ok(Client.anonymous(sim).get("/v2.1/"), 200);
        assertThat(body.at("/version/version").asText()).isEqualTo("2.93");
        SCHEMAS.assertValid("GET", "/v2.1/", "2.1", body);
        SCHEMAS.assertValidSchema("VersionShowResponse", body);
    }

    @Test
    void theCatalogUrlWithAToken() {
        JsonNode body = ok(demo.get("/v2.1/" + CloudSetup.DEMO_PROJECT), 200);
        SCHEMAS.assertValid("GET", "/v2.1/", "2.1", body);
    }

    @Test
    void eachEntryOfTheRootList() {
        JsonNode body = ok(Client.anonymous(sim).get("/"), 200);
        assertThat(body.get("versions")).hasSize(2);
        for (JsonNode version : body.get("versions")) {
            SCHEMAS.assertValidAt(VERSION_OBJECT, version);
        }
    }
}
