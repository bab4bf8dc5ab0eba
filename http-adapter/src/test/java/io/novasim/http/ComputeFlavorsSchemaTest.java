package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flavor bodies against the community schemas, per microversion. */
@Timeout(60)
class ComputeFlavorsSchemaTest extends ComputeSchemaTest {

    @ParameterizedTest(name = "GET /flavors at {0}")
    @MethodSource("versions")
    void list(String version) {
        SCHEMAS.assertValid("GET", "/v2.1/flavors", version, ok(demo.microversion(version).get("/v2.1/flavors"), 200));
        JsonNode page = ok(demo.microversion(version).get("/v2.1/flavors?limit=2"), 200);
        assertThat(page.has("flavors_links")).isTrue();
        SCHEMAS.assertValid("GET", "/v2.1/flavors", version, page);
    }

    @ParameterizedTest(name = "GET /flavors/detail at {0}")
    @MethodSource("versions")
    void detail(String version) {
        SCHEMAS.assertValid("GET", "/v2.1/flavors/detail", version,
                ok(demo.microversion(version).get("/v2.1/flavors/detail"), 200));
        JsonNode page = ok(demo.microversion(version).get("/v2.1/flavors/detail?limit=2"), 200);
        assertThat(page.has("flavors_links")).isTrue();
        SCHEMAS.assertValid("GET", "/v2.1/flavors/detail", version, page);
    }

    @ParameterizedTest(name = "GET /flavors/ID at {0}")
    @MethodSource("versions")
    void show(String version) {
        SCHEMAS.assertValid("GET", "/v2.1/flavors/{id}", version,
                ok(demo.microversion(version).get("/v2.1/flavors/1"), 200));
    }
}
