package com.example.volumes;

import io.novasim.NovaSimulator;
import io.novasim.junit5.NovaSimulatorExtension;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's code against a simulated cloud: no real cloud, no sleeping, failures on demand. */
@Timeout(60)
class VolumeDetacherTest {
    @RegisterExtension
    static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
            .simulator(NovaSimulator.builder().seed(42))
            .build();

    OSClientV3 os;
    String server;
    String volume;
    /** Instead of sleeping, the detacher's pauses move the simulator's virtual clock. */
    VolumeDetacher.Pause virtualTime = duration -> nova.control().advance(duration);

    @BeforeEach
    void aServerWithAnAttachedVolume() {
        os = OSFactory.builderV3().endpoint(nova.identityEndpoint().toString())
                .credentials("demo", "secret", Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
        server = os.compute().servers().boot(Builders.server().name("db").flavor("1")
                .image("70a599e0-31e7-49b7-b260-868f441e862b").build()).getId();
        nova.control().advance(Duration.ofSeconds(5));
        volume = os.blockStorage().volumes().list().stream().filter(v -> v.getName().equals("data-1"))
                .findFirst().orElseThrow().getId();
        os.compute().servers().attachVolume(server, volume, null);
        nova.control().advance(Duration.ofSeconds(2));
    }

    @Test
    void detachesAndWaitsUntilTheVolumeIsGone() {
        int attempts = new VolumeDetacher(os, virtualTime, 5).detach(server, volume);
        assertThat(attempts).isEqualTo(1);
        assertThat(os.compute().servers().get(server).getOsExtendedVolumesAttached()).isEmpty();
    }

    @Test
    void retriesThroughTwo503sThenSucceeds() {
        nova.control().addFault(FaultRule.named("flaky").on(Operation.DETACH_VOLUME)
                .answeringError(503, "try again").forTheNextCalls(2));
        assertThat(new VolumeDetacher(os, virtualTime, 5).detach(server, volume)).isEqualTo(3);
        assertThat(nova.control().firedFaults()).hasSize(2);
    }

    @Test
    void retriesWhileTheServerReboots() {
        os.compute().servers().reboot(server, RebootType.SOFT);
        assertThat(new VolumeDetacher(os, virtualTime, 10).detach(server, volume)).isGreaterThan(1);
        assertThat(os.compute().servers().get(server).getStatus()).isEqualTo(Server.Status.ACTIVE);
    }
}
