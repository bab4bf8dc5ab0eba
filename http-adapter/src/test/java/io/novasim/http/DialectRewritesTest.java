package io.novasim.http;

import io.novasim.RecordedRequest;
import io.novasim.http.compute.ComputeDialect;
import io.novasim.model.error.Refusal;
import io.novasim.model.volume.CinderVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect rewrites only refusals the simulator makes on its routes: every rewritten id is provoked through the
 * rewriting dialect's own mount, on a real simulator, and answered as the dialect's refusal while the journal names
 * the simulator's. A rewrite of an id no request below provokes fails the test: add the request that makes it, or drop
 * the rewrite.
 */
@Timeout(60)
class DialectRewritesTest extends SeededCloudTest {
    private static final String PROJECT = "6f70656e737461636b20342065766572";
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";

    DialectRewritesTest() {
        super(11);
    }

    /** Sends what makes a refusal through a dialect: {@code base} is its compute base path, tenant included. */
    @FunctionalInterface
    private interface Provocation {
        Client.Response send(Client client, String base);
    }

    private final Map<Refusal, Provocation> provocations = Map.of(
            Refusal.CANNOT_DETACH_ROOT_VOLUME, this::detachTheRootVolume,
            Refusal.PROJECT_ID_MISMATCH, (client, base) -> client.get(base.replace(PROJECT, OTHER_PROJECT)
                    + "/servers"));

    @Test
    void everyRewrittenRefusalIsProvokedThroughItsDialect() {
        int rewrites = 0;
        for (ComputeDialect dialect : ComputeDialect.all()) {
            for (ComputeDialect.Rewrite rewrite : dialect.rewrites()) {
                rewrites++;
                Provocation provocation = provocations.get(rewrite.refusal());
                assertThat(provocation).as("%s rewrites %s, which no request of this test provokes", dialect.name(),
                        rewrite.refusal()).isNotNull();
                resetTheCloud();
                String base = dialect.baseUrl("").replace("{tenant_id}", PROJECT);
                Client.Response response = provocation.send(demo, base);

                Refusal answer = rewrite.answer();
                assertThat(response.status()).as("%s %s", dialect.name(), response).isEqualTo(answer.status());
                assertThat(response.json().at("/" + answer.faultName() + "/message").asText())
                        .isEqualTo(answer.message());
                List<RecordedRequest> journal = sim.control().requests();
                assertThat(journal.get(journal.size() - 1).refusalId()).as("the journal names the simulator's id")
                        .isEqualTo(rewrite.refusal());
            }
        }
        assertThat(rewrites).as("the dialects rewrite some refusals").isPositive();
    }

    /** Boots a server from a volume through Nova v2.1, then detaches that volume through the dialect. */
    private Client.Response detachTheRootVolume(Client client, String base) {
        String boot = sim.control().state().volumes().stream().filter(v -> v.name().equals("data-1"))
                .map(CinderVolume::id).findFirst().orElseThrow();
        String server = client.post("/v2.1/servers", """
                {"server": {"name": "bfv", "imageRef": "", "flavorRef": "1", "block_device_mapping_v2": [
                  {"boot_index": 0, "uuid": "%s", "source_type": "volume", "destination_type": "volume"}]}}"""
                .formatted(boot)).json().at("/server/id").asText();
        sim.control().runUntilIdle();
        return client.delete(base + "/servers/" + server + "/os-volume_attachments/" + boot);
    }
}
