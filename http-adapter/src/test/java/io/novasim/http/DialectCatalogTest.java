package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The token's catalog lists the vendor dialects that use Keystone, never as a second {@code compute}. */
@Timeout(60)
class DialectCatalogTest {
    static final String PROJECT = "6f70656e737461636b20342065766572";

    private static JsonNode catalog(NovaSimulator sim) {
        Client.Response issued = Client.anonymous(sim).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "secret"}}},
                 "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}""");
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().at("/token/catalog");
    }

    private static List<String> types(JsonNode catalog) {
        List<String> types = new ArrayList<>();
        catalog.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static String url(JsonNode catalog, String type) {
        for (JsonNode entry : catalog) {
            if (entry.get("type").asText().equals(type)) {
                return entry.at("/endpoints/0/url").asText();
            }
        }
        return null;
    }

    @Test
    void everyKeystoneDialectServedHasItsOwnTypeAndTheTenantInItsUrl() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            JsonNode catalog = catalog(sim);
            assertThat(types(catalog)).containsExactly("compute", "network", "volumev3", "image", "identity",
                    "compute-ecl", "baremetal-server");
            assertThat(types(catalog)).as("one compute entry, so clients looking for compute find Nova's")
                    .containsOnlyOnce("compute");
            assertThat(url(catalog, "compute")).isEqualTo(sim.baseUri() + "/v2.1/" + PROJECT);
            assertThat(url(catalog, "compute-ecl")).isEqualTo(sim.baseUri() + "/ecl/compute/v2/" + PROJECT);
            assertThat(url(catalog, "baremetal-server")).isEqualTo(sim.baseUri() + "/ecl/baremetal/v2/" + PROJECT);
            assertThat(sim.dialectEndpoints().get("ecl-baremetal").replace("{tenant_id}", PROJECT))
                    .isEqualTo(url(catalog, "baremetal-server"));
            for (JsonNode entry : catalog) {
                assertThat(entry.at("/endpoints/0/interface").asText()).isEqualTo("public");
                assertThat(entry.at("/endpoints/0/region").asText()).isEqualTo("RegionOne");
                assertThat(entry.get("name").asText()).as("no dialect takes Nova's name").isNotBlank();
            }
            assertThat(catalog).extracting(e -> e.get("name").asText()).doesNotHaveDuplicates();
            assertThat(catalog).extracting(e -> e.at("/endpoints/0/id").asText()).doesNotHaveDuplicates();

            Client demo = Client.as(sim, "demo", "demo");
            String bareMetal = url(catalog, "baremetal-server").substring(sim.baseUri().toString().length());
            assertThat(demo.get(bareMetal + "/servers").status()).as("the catalog's URL is served").isEqualTo(200);
            String ecl = url(catalog, "compute-ecl").substring(sim.baseUri().toString().length());
            assertThat(demo.get(ecl + "/servers").status()).isEqualTo(200);
        }
    }

    @Test
    void onlyTheDialectsServedAreListedAndHostwayNever() {
        try (NovaSimulator sim = NovaSimulator.builder().dialects("ecl-baremetal", "hostway").build().start()) {
            assertThat(types(catalog(sim))).containsExactly("compute", "network", "volumev3", "image", "identity",
                    "baremetal-server");
        }
        try (NovaSimulator sim = NovaSimulator.builder().dialects().build().start()) {
            assertThat(types(catalog(sim))).containsExactly("compute", "network", "volumev3", "image", "identity");
        }
    }
}
