package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings the extension has no option of its own for (dialects, the clock's start, the journal's capacity) reach its
 * simulator through the {@link NovaSimulator.Builder} it was given.
 */
@Timeout(30)
class AnySimulatorSettingTest {
    private static final Instant START = Instant.parse("2031-05-04T03:02:01Z");

    @RegisterExtension
    static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
            .simulator(NovaSimulator.builder().dialects("hostway").start(START).journalCapacity(2))
            .build();

    /** Served, the NTT Enterprise Cloud dialect would list the demo project's servers (200) at this URL. */
    @Test
    void onlyTheChosenDialectsAreServed() {
        assertThat(nova.simulator().settings().dialects()).containsExactlyInAnyOrder("nova", "hostway");
        assertThat(nova.simulator().dialectEndpoints()).containsOnlyKeys("nova", "hostway");
        String demo = nova.simulator().settings().setup().catalog().projects().stream()
                .filter(project -> project.name().equals("demo")).findFirst().orElseThrow().id();
        URI eclServers = URI.create(nova.simulator().baseUri() + "/ecl/compute/v2/" + demo + "/servers");
        assertThat(Http.get(eclServers, Http.demoToken(nova.simulator())).statusCode()).isEqualTo(404);
    }

    /** The demo world's volumes take a moment of virtual time to become available, so the world begins just after. */
    @Test
    void theClockStartsWhereTheBuilderSaid() {
        assertThat(nova.simulator().settings().start()).isEqualTo(START);
        assertThat(nova.control().now()).isBetween(START, START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void theJournalKeepsAsManyRequestsAsTheBuilderSaid() {
        String token = Http.demoToken(nova.simulator());
        for (String path : new String[] {"/servers", "/flavors", "/servers/detail"}) {
            Http.get(URI.create(nova.simulator().computeEndpoint() + path), token);
        }

        assertThat(nova.control().requests()).extracting(RecordedRequest::path)
                .containsExactly("/v2.1/flavors", "/v2.1/servers/detail");
    }
}
