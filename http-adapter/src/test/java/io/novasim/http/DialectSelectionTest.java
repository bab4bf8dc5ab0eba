package io.novasim.http;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class DialectSelectionTest {
    @Test
    void everyDialectIsServedByDefault() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            assertThat(sim.dialectEndpoints()).containsOnlyKeys("nova", "ecl-compute", "ecl-baremetal", "hostway");
            assertThat(sim.dialectEndpoints().get("ecl-compute")).isEqualTo(sim.baseUri()
                    + "/ecl/compute/v2/{tenant_id}");
            assertThat(Client.anonymous(sim).get("/hostway/servers").status()).as("Basic auth asked for")
                    .isEqualTo(401);
        }
    }

    @Test
    void aSimulatorServesOnlyTheDialectsChosen() {
        try (NovaSimulator sim = NovaSimulator.builder().dialects("ecl-compute").build().start()) {
            assertThat(sim.dialectEndpoints()).containsOnlyKeys("nova", "ecl-compute");
            Client demo = Client.as(sim, "demo", "demo");
            assertThat(demo.get("/ecl/compute/v2/6f70656e737461636b20342065766572/servers").status()).isEqualTo(200);
            assertThat(Client.anonymous(sim).get("/hostway/servers").status()).isEqualTo(404);
            assertThat(demo.get("/v2.1/servers").status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> NovaSimulator.builder().dialects("rackspace").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown dialect rackspace");
    }
}
