package com.example.volumes;

import io.novasim.NovaSimulator;
import io.novasim.junit5.NovaSimulatorExtension;
import io.novasim.junit5.sweep.FaultKind;
import io.novasim.junit5.sweep.SweepReport;
import io.novasim.junit5.sweep.SweepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.openstack.OSFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every fault at every call: the simulator runs the detach once without faults, then once per (call, fault kind) with
 * exactly that fault, and reports which runs broke the promise every detacher makes.
 */
@Timeout(300)
class VolumeDetacherSweepTest {
    @RegisterExtension
    static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
            .simulator(NovaSimulator.builder().seed(42))
            .build();

    /** A server with data-1 attached, and a client of its project; made before every run and never faulted. */
    record Fixture(OSClientV3 os, String server, String volume) {
        static Fixture make(NovaSimulator sim) {
            OSClientV3 os = OSFactory.builderV3().endpoint(sim.identityEndpoint().toString())
                    .credentials("demo", "secret", Identifier.byName("Default"))
                    .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                    .authenticate();
            String server = os.compute().servers().boot(Builders.server().name("db").flavor("1")
                    .image("70a599e0-31e7-49b7-b260-868f441e862b").build()).getId();
            sim.control().advance(Duration.ofSeconds(5));
            String volume = os.blockStorage().volumes().list().stream().filter(v -> v.getName().equals("data-1"))
                    .findFirst().orElseThrow().getId();
            os.compute().servers().attachVolume(server, volume, null);
            sim.control().advance(Duration.ofSeconds(2));
            return new Fixture(os, server, volume);
        }

        Volume.Status volumeStatus() {
            return os.blockStorage().volumes().get(volume).getStatus();
        }
    }

    /**
     * The promise: when a detacher returns, the volume is available and the server lists it no more; when it gives
     * up, it throws, and the volume is indeed not available.
     */
    static void keepsItsPromise(Fixture fixture, Runnable detach) {
        try {
            detach.run();
        } catch (IllegalStateException gaveUp) {
            assertThat(fixture.volumeStatus()).as("the volume after the detacher gave up (%s)", gaveUp.getMessage())
                    .isNotEqualTo(Volume.Status.AVAILABLE);
            return;
        }
        assertThat(fixture.volumeStatus()).as("the volume once the detacher returned")
                .isEqualTo(Volume.Status.AVAILABLE);
        assertThat(fixture.os().compute().servers().get(fixture.server()).getOsExtendedVolumesAttached())
                .as("the server's volumes once the detacher returned").isEmpty();
    }

    @Test
    void theCarefulDetacherKeepsItsPromiseThroughEveryFault() {
        SweepReport report = nova.sweep().given(Fixture::make).run((sim, fixture) -> keepsItsPromise(fixture,
                () -> new VolumeDetacher(fixture.os(), sim.control()::advance, 5)
                        .detach(fixture.server(), fixture.volume())));

        report.assertAllPassed();
        assertThat(report.runs()).hasSize(FaultKind.values().length);
    }

    /**
     * The naive detacher takes a 202 as done once the usual few seconds have passed. It breaks where the detach is accepted but not done: the work fails
     * (the volume comes back in-use), hangs in detaching, or takes an hour; and at a 503, which openstack4j 3.12
     * reports as a success. At a 409 or a 500 it throws, and keeps its promise.
     */
    @Test
    void theNaiveDetacherBreaksItsPromiseExactlyWhereA202IsNotDone() {
        SweepReport report = nova.sweep().given(Fixture::make).run((sim, fixture) -> keepsItsPromise(fixture,
                () -> new NaiveVolumeDetacher(fixture.os(), sim.control()::advance).detach(fixture.server(), fixture.volume())));

        assertThat(report.failedKinds()).containsExactlyInAnyOrder(FaultKind.UNAVAILABLE_503,
                FaultKind.FAILED_COMPLETION, FaultKind.STUCK_TASK, FaultKind.LONG_DELAY);
        assertThat(report.failures()).extracting(SweepRun::outcome).containsOnly(SweepRun.Outcome.FAILED);
        assertThat(report.run(1, FaultKind.STUCK_TASK).orElseThrow().failure())
                .contains("the volume once the detacher returned").contains("but was: detaching");
        assertThatThrownBy(report::assertAllPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rerun alone: FaultSweep.only(1, FaultKind.FAILED_COMPLETION)");
    }
}
