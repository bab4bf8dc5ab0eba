package com.example.readme;

import io.novasim.NovaSimulator;
import io.novasim.junit5.NovaSimulatorTest;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.openstack.OSFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@NovaSimulatorTest(seed = 1) // one simulator on 127.0.0.1 for the class, reset before each test
class DetachVolumeTest {

    @Test
    void aFailedDetachLeavesTheVolumeAttached(NovaSimulator sim) throws InterruptedException {
        NovaSimulator.Credentials login = sim.credentials(); // demo / secret, project demo
        OSClientV3 os = OSFactory.builderV3().endpoint(login.authUrl().toString())
                .credentials(login.username(), login.password(), Identifier.byName(login.userDomainName()))
                .scopeToProject(Identifier.byName(login.projectName()), Identifier.byName(login.projectDomainName()))
                .authenticate();
        String server = os.compute().servers().boot(Builders.server().name("db").flavor("1")
                .image("70a599e0-31e7-49b7-b260-868f441e862b").build()).getId();
        sim.control().advance(Duration.ofSeconds(5)); // virtual time: the build completes, nothing sleeps
        String volume = os.blockStorage().volumes().list().stream()
                .filter(v -> v.getName().equals("data-1")).findFirst().orElseThrow().getId();
        os.compute().servers().attachVolume(server, volume, null);
        sim.control().advance(Duration.ofSeconds(2));

        // The cloud accepts the next detach (202) and then fails to do it, as a real hypervisor sometimes does.
        sim.control().addFault(FaultRule.named("stuck-disk").on(Operation.DETACH_VOLUME)
                .failingTheWork(500, "device is busy").forTheNextCalls(1));
        os.compute().servers().detachVolume(server, volume);
        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.DETACHING);
        sim.control().advance(Duration.ofSeconds(2));

        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.IN_USE);
        assertThat(sim.control().firedFaults()).hasSize(1);
        assertThat(sim.control().takeRequest().path()).endsWith("/servers"); // the journal, as MockWebServer has it
    }
}
