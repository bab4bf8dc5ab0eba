package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.NovaSimulator;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.CloudState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialects are spellings of one core: the same random sequence of operations sent through Nova v2.1, ECL compute,
 * ECL bare-metal and Hostway, each to a fresh simulator of the same seed and setup, leaves the same core state, field
 * for field (ids, request ids, MAC addresses, instance actions, timestamps).
 *
 * <p>Request ids match because every compute request draws exactly one from the seeded id source whatever its
 * dialect, refusals included (Hostway's {@code errorid} is derived from the request id, not drawn). Targets (ports,
 * volumes, media to detach) are chosen from the core state, which is the same in every run as long as the dialects
 * agree, so the four runs send the same operations; refusals (409 while a task runs, 400 for a volume not yet in use)
 * are part of the sequence and must be the same too.
 */
@Timeout(60)
class DialectCrossTest {
    static final String PROJECT = "6f70656e737461636b20342065766572";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    static final long SEED = 20261122L;
    static final int STEPS = 200;

    /** What one run leaves: the core state and the outcome of each call (its status, or "ok"). */
    record Run(CloudState state, List<String> outcomes) {
    }

    /** One dialect as the test reaches it: the compute base path and the client that authenticates there. */
    private record Dialect(String name, String base, boolean basicAuth) {
    }

    private static final List<Dialect> DIALECTS = List.of(
            new Dialect("nova", "/v2.1/" + PROJECT, false),
            new Dialect("ecl-compute", "/ecl/compute/v2/" + PROJECT, false),
            new Dialect("ecl-baremetal", "/ecl/baremetal/v2/" + PROJECT, false),
            new Dialect("hostway", "/hostway", true));

    @Test
    void theSameOperationsLeaveTheSameCoreStateInEveryDialect() {
        List<Run> runs = new ArrayList<>();
        for (Dialect dialect : DIALECTS) {
            runs.add(run(dialect));
        }
        Run nova = runs.get(0);
        assertThat(nova.outcomes()).as("the sequence does work").filteredOn("ok"::equals).hasSizeGreaterThan(STEPS / 3);
        assertThat(nova.outcomes()).as("refusals are part of it").anyMatch(outcome -> !outcome.equals("ok"));
        assertThat(nova.state().servers()).isNotEmpty();
        assertThat(nova.state().actions()).isNotEmpty();
        for (int i = 1; i < runs.size(); i++) {
            String name = DIALECTS.get(i).name();
            assertThat(runs.get(i).outcomes()).as(name + ": the same answers").isEqualTo(nova.outcomes());
            CloudState state = runs.get(i).state();
            assertThat(state.now()).as(name).isEqualTo(nova.state().now());
            assertThat(state.servers()).as(name).isEqualTo(nova.state().servers());
            assertThat(state.ports()).as(name).isEqualTo(nova.state().ports());
            assertThat(state.volumes()).as(name).isEqualTo(nova.state().volumes());
            assertThat(state.volumeAttachments()).as(name).isEqualTo(nova.state().volumeAttachments());
            assertThat(state.media()).as(name).isEqualTo(nova.state().media());
            assertThat(state.actions()).as(name).isEqualTo(nova.state().actions());
            assertThat(state).as(name + ": everything").isEqualTo(nova.state());
        }
    }

    private static Run run(Dialect dialect) {
        try (NovaSimulator sim = NovaSimulator.builder().seed(7).setup(CloudSetup.demo()).build().start()) {
            Client keystone = Client.as(sim, "demo", "demo");
            Client compute = dialect.basicAuth() ? Client.anonymous(sim).withHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("demo:secret".getBytes(StandardCharsets.UTF_8))) : keystone;
            List<String> outcomes = new ArrayList<>();
            for (int v = 0; v < 4; v++) {
                assertThat(keystone.post("/volume/v3/" + PROJECT + "/volumes",
                        "{\"volume\": {\"size\": 1, \"name\": \"v" + v + "\"}}").status()).isEqualTo(202);
            }
            sim.control().advance(Duration.ofSeconds(2));
            SplittableRandom random = new SplittableRandom(SEED);
            for (int step = 0; step < STEPS; step++) {
                step(sim, compute, dialect.base(), random, outcomes);
            }
            sim.control().runUntilIdle();
            return new Run(sim.control().state(), outcomes);
        }
    }

    private static void step(NovaSimulator sim, Client client, String base, SplittableRandom random,
                             List<String> outcomes) {
        CloudState state = sim.control().state();
        List<Server> servers = state.servers();
        int choice = servers.isEmpty() ? 0 : random.nextInt(9);
        if (choice == 0 && servers.size() >= 5) {
            choice = 8;
        }
        Server server = servers.isEmpty() ? null : servers.get(random.nextInt(servers.size()));
        String at = server == null ? null : base + "/servers/" + server.id();
        Client.Response response = switch (choice) {
            case 0 -> client.post(base + "/servers", "{\"server\": {\"name\": \"s" + servers.size()
                    + "\", \"imageRef\": \"" + IMAGE + "\", \"flavorRef\": \"1\"}}");
            case 1 -> client.post(at + "/os-interface", "{\"interfaceAttachment\": {}}");
            case 2 -> {
                List<Port> ports = state.ports().stream().filter(p -> server.id().equals(p.deviceId())).toList();
                yield ports.isEmpty() ? null
                        : client.delete(at + "/os-interface/" + ports.get(random.nextInt(ports.size())).id());
            }
            case 3 -> {
                List<CinderVolume> free = state.volumes().stream().filter(v -> v.status() == VolumeStatus.AVAILABLE)
                        .toList();
                yield free.isEmpty() ? null : client.post(at + "/os-volume_attachments",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + free.get(random.nextInt(free.size())).id()
                                + "\"}}");
            }
            case 4 -> {
                List<VolumeAttachment> attached = state.volumeAttachments().stream()
                        .filter(a -> a.serverId().equals(server.id())).toList();
                yield attached.isEmpty() ? null : client.delete(at + "/os-volume_attachments/"
                        + attached.get(random.nextInt(attached.size())).volumeId());
            }
            case 5 -> client.post(at + "/action", "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}");
            case 6 -> {
                List<MediaAttachment> media = state.media().stream()
                        .filter(m -> m.serverId().equals(server.id())).toList();
                yield media.isEmpty() ? null : client.post(at + "/action",
                        "{\"media-detach\": {\"imageRef\": \"" + media.get(0).imageId() + "\"}}");
            }
            case 7 -> client.post(at + "/action", "{\"reboot\": {\"type\": \"" + (random.nextBoolean() ? "SOFT"
                    : "HARD") + "\"}}");
            default -> {
                sim.control().advance(Duration.ofMillis(500L * (1 + random.nextInt(12))));
                yield null;
            }
        };
        if (response != null) {
            outcomes.add(response.status() < 300 ? "ok" : String.valueOf(response.status()));
        }
    }
}
