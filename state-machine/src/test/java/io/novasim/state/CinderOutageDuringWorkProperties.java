package io.novasim.state;

import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Service;
import net.jqwik.api.ForAll;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.List;

import static io.novasim.state.Fixtures.ADMIN;
import static io.novasim.state.Fixtures.ALICE;
import static io.novasim.state.Fixtures.FLAVOR;
import static io.novasim.state.Fixtures.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cinder going down at any moment of an accepted volume attach, detach or swap: the work either finished before
 * the outage, or stops where Nova's compute manager leaves it when neither the work nor its rollback reaches Cinder,
 * with an Error event and the outage counted once. Nothing is left half-listed: a volume no attachment holds is never
 * in-use, and one an attachment holds is never available.
 */
class CinderOutageDuringWorkProperties {
    private Cloud cloud;

    @BeforeTry
    void freshCloud() {
        cloud = Fixtures.cloud(5);
    }

    private Server activeServer() {
        Server server = cloud.execute(ALICE, new CreateServer("db", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return server;
    }

    private CinderVolume volume(String name) {
        CinderVolume volume = cloud.execute(ALICE, new CreateVolume(name, 1, false, false)).volume();
        cloud.runUntilIdle();
        return volume;
    }

    private void cinderDownIn(int millis) {
        cloud.addFault(FaultRule.named("cinder-down").takingDown(Service.VOLUME)
                .during(cloud.now().plusMillis(millis), Duration.ofHours(1)).build());
    }

    private VolumeStatus status(CinderVolume volume) {
        return cloud.volume(ALICE, volume.id()).status();
    }

    private List<String> attached(Server server) {
        return cloud.volumeAttachments(ALICE, server.id()).stream().map(VolumeAttachment::volumeId).toList();
    }

    private String result(Server server, String requestId) {
        List<InstanceActionEvent> events = cloud.instanceAction(ALICE, server.id(), requestId).events();
        assertThat(events).hasSize(1);
        return events.get(0).result();
    }

    private void outageCountedOnceIf(boolean failed) {
        assertThat(cloud.firedFaults()).hasSize(failed ? 1 : 0);
    }

    @Property(tries = 60)
    void anAttachEndsAttachedOrReservedOrAttachingWithNoAttachment(@ForAll @IntRange(max = 4000) int outageIn) {
        Server server = activeServer();
        CinderVolume data = volume("data");
        String request = cloud.execute(ALICE, AttachVolume.of(server.id(), data.id())).requestId();
        cinderDownIn(outageIn);
        cloud.runUntilIdle();

        boolean done = status(data) == VolumeStatus.IN_USE;
        assertThat(status(data)).isIn(VolumeStatus.IN_USE, VolumeStatus.RESERVED, VolumeStatus.ATTACHING);
        assertThat(attached(server)).isEqualTo(done ? List.of(data.id()) : List.of());
        assertThat(result(server, request)).isEqualTo(done ? "Success" : "Error");
        outageCountedOnceIf(!done);
    }

    @net.jqwik.api.Example
    void cinderDownFromTheStartStrandsEachOfTheThree() {
        anAttachEndsAttachedOrReservedOrAttachingWithNoAttachment(0);
        assertThat(cloud.volumes(ALICE)).extracting(CinderVolume::status).contains(VolumeStatus.RESERVED);
        freshCloud();
        aDetachEndsDetachedOrStaysDetachingWithItsAttachment(0);
        assertThat(cloud.volumes(ALICE)).extracting(CinderVolume::status).contains(VolumeStatus.DETACHING);
        freshCloud();
        aSwapEndsSwappedOrKeepsTheOldVolumeDetachingAndTheNewOneHeld(0);
        assertThat(cloud.firedFaults()).hasSize(1);
        assertThat(cloud.volumes(ALICE)).extracting(CinderVolume::status)
                .contains(VolumeStatus.DETACHING, VolumeStatus.RESERVED);
    }

    @Property(tries = 60)
    void aDetachEndsDetachedOrStaysDetachingWithItsAttachment(@ForAll @IntRange(max = 4000) int outageIn) {
        Server server = activeServer();
        CinderVolume data = volume("data");
        cloud.execute(ALICE, AttachVolume.of(server.id(), data.id()));
        cloud.runUntilIdle();
        String request = cloud.execute(ALICE, DetachVolume.of(server.id(), data.id())).requestId();
        cinderDownIn(outageIn);
        cloud.runUntilIdle();

        boolean done = status(data) == VolumeStatus.AVAILABLE;
        assertThat(status(data)).isIn(VolumeStatus.AVAILABLE, VolumeStatus.DETACHING);
        assertThat(attached(server)).isEqualTo(done ? List.of() : List.of(data.id()));
        assertThat(result(server, request)).isEqualTo(done ? "Success" : "Error");
        outageCountedOnceIf(!done);
    }

    @Property(tries = 60)
    void aSwapEndsSwappedOrKeepsTheOldVolumeDetachingAndTheNewOneHeld(@ForAll @IntRange(max = 4000) int outageIn) {
        Server server = activeServer();
        CinderVolume old = volume("old");
        CinderVolume spare = volume("spare");
        cloud.execute(ALICE, AttachVolume.of(server.id(), old.id()));
        cloud.runUntilIdle();
        String request = cloud.execute(ADMIN, UpdateVolumeAttachment.swap(server.id(), old.id(), spare.id()))
                .requestId();
        cinderDownIn(outageIn);
        cloud.runUntilIdle();

        boolean done = status(spare) == VolumeStatus.IN_USE;
        if (done) {
            assertThat(status(old)).isEqualTo(VolumeStatus.AVAILABLE);
            assertThat(attached(server)).containsExactly(spare.id());
        } else {
            assertThat(status(old)).isEqualTo(VolumeStatus.DETACHING);
            assertThat(status(spare)).isIn(VolumeStatus.RESERVED, VolumeStatus.ATTACHING);
            assertThat(attached(server)).containsExactly(old.id());
        }
        assertThat(result(server, request)).isEqualTo(done ? "Success" : "Error");
        outageCountedOnceIf(!done);
    }
}
