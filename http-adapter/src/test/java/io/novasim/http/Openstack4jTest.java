package io.novasim.http;

import io.novasim.NovaSimulator;
import org.openstack4j.model.storage.block.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.InterfaceAttachment;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.VolumeAttachment;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.compute.QuotaSet;
import org.openstack4j.model.compute.actions.BackupOptions;
import org.openstack4j.model.compute.actions.RebuildOptions;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.OSFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** openstack4j, a real client from Maven Central, through the flows a user runs against a cloud. */
@Timeout(60)
class Openstack4jTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    static NovaSimulator sim;
    OSClientV3 os;

    @BeforeAll
    static void start() {
        sim = NovaSimulator.builder().seed(17).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void authenticate() {
        sim.control().reset();
        os = login("demo", "secret");
    }

    private static OSClientV3 login(String user, String password) {
        return OSFactory.builderV3().endpoint(sim.identityEndpoint().toString())
                .credentials(user, password, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
    }

    private Server bootActive() {
        Server booted = os.compute().servers().boot(Builders.server().name("web").flavor("1").image(IMAGE)
                .networks(List.of(NET)).build());
        assertThat(booted.getId()).isNotBlank();
        assertThat(os.compute().servers().get(booted.getId()).getStatus()).isEqualTo(Server.Status.BUILD);
        sim.control().advance(Duration.ofSeconds(5));
        Server active = os.compute().servers().get(booted.getId());
        assertThat(active.getStatus()).isEqualTo(Server.Status.ACTIVE);
        return active;
    }

    @Test
    void authenticatesAndBootsAServerThatBecomesActive() {
        assertThat(os.getToken().getId()).isNotBlank();
        Server server = bootActive();
        assertThat(server.getAddresses().getAddresses("private")).singleElement()
                .satisfies(a -> assertThat(a.getAddr()).isEqualTo("10.0.0.2"));
        assertThat(os.compute().servers().list()).extracting(Server::getId).containsExactly(server.getId());
        assertThat(os.compute().flavors().list()).extracting(f -> f.getName()).contains("m1.tiny");
    }

    @Test
    void attachesListsShowsAndDetachesAnInterfaceByPortAndByNetwork() {
        Server server = bootActive();
        Port port = os.networking().port().create(Builders.port().networkId(NET).name("mine").build());
        assertThat(port.getDeviceId()).isNullOrEmpty();
        InterfaceAttachment attached = os.compute().servers().interfaces().create(server.getId(), port.getId());
        assertThat(attached.getPortId()).isEqualTo(port.getId());
        assertThat(os.networking().port().get(port.getId()).getDeviceId()).isEqualTo(server.getId());
        List<? extends InterfaceAttachment> listed = os.compute().servers().interfaces().list(server.getId());
        assertThat(listed).hasSize(2);
        InterfaceAttachment shown = os.compute().servers().interfaces().get(server.getId(), port.getId());
        assertThat(shown.getMacAddr()).isEqualTo(port.getMacAddress());
        assertThat(shown.getFixedIps()).isNotEmpty();

        ActionResponse detached = os.compute().servers().interfaces().detach(server.getId(), port.getId());
        assertThat(detached.isSuccess()).as(detached.toString()).isTrue();
        assertThat(os.compute().servers().interfaces().list(server.getId())).as("still listed").hasSize(2);
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(os.compute().servers().interfaces().list(server.getId())).hasSize(1);
        assertThat(os.networking().port().get(port.getId()).getDeviceId()).as("the user's port is kept, unbound")
                .isNullOrEmpty();

        // openstack4j attaches by port only; by network is a raw call with the same token.
        Client raw = Client.as(sim, "demo", "demo");
        assertThat(raw.post("/v2.1/servers/" + server.getId() + "/os-interface",
                "{\"interfaceAttachment\": {\"net_id\": \"" + NET + "\"}}").status()).isEqualTo(200);
        assertThat(os.compute().servers().interfaces().list(server.getId())).hasSize(2);
    }

    @Test
    void attachesListsAndDetachesAVolume() {
        Server server = bootActive();
        String volume = os.blockStorage().volumes().list().stream().filter(v -> v.getName().equals("data-1"))
                .map(org.openstack4j.model.storage.block.Volume::getId).findFirst().orElseThrow();
        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.AVAILABLE);
        VolumeAttachment attachment = os.compute().servers().attachVolume(server.getId(), volume, null);
        assertThat(attachment.getDevice()).isEqualTo("/dev/vdb");
        // openstack4j spells the status RESERVERD, so Cinder's "reserved" reads as UNRECOGNIZED there.
        assertThat(os.blockStorage().volumes().get(volume).getStatus())
                .isIn(Volume.Status.RESERVERD, Volume.Status.UNRECOGNIZED);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.IN_USE);
        assertThat(os.compute().servers().get(server.getId()).getOsExtendedVolumesAttached()).contains(volume);
        ActionResponse detached = os.compute().servers().detachVolume(server.getId(), volume);
        assertThat(detached.isSuccess()).as(detached.toString()).isTrue();
        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.DETACHING);
        sim.control().advance(Duration.ofSeconds(1));
        assertThat(os.compute().servers().get(server.getId()).getOsExtendedVolumesAttached()).isEmpty();
        assertThat(os.blockStorage().volumes().get(volume).getStatus()).isEqualTo(Volume.Status.AVAILABLE);
    }

    @Test
    void mediaAttachAndDetachThroughARawAction() {
        Server server = bootActive();
        Client raw = Client.as(sim, "demo", "demo");
        String action = "/v2.1/servers/" + server.getId() + "/action";
        assertThat(raw.post(action, "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(200);
        ActionResponse stop = os.compute().servers().action(server.getId(), Action.STOP);
        assertThat(stop.getCode()).as("a media task is running").isEqualTo(409);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(raw.post(action, "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}").status()).isEqualTo(200);
    }

    @Test
    void theErrorCasesReachTheClient() {
        assertThatThrownBy(() -> login("demo", "wrong")).isInstanceOf(AuthenticationException.class);
        assertThat(os.compute().servers().get("11111111-2222-4333-8444-555555555555")).as("404").isNull();
        Server server = bootActive();
        assertThat(os.compute().servers().reboot(server.getId(), RebootType.SOFT).isSuccess()).isTrue();
        ActionResponse again = os.compute().servers().reboot(server.getId(), RebootType.SOFT);
        assertThat(again.isSuccess()).isFalse();
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(again.getFault()).isEqualTo("Cannot 'reboot' instance " + server.getId()
                + " while it is in task_state rebooting");
    }

    @Test
    void resizesRebuildsSnapshotsAndBacksUpAServer() {
        Server server = bootActive();
        assertThat(os.compute().servers().resize(server.getId(), "2").isSuccess()).isTrue();
        sim.control().runUntilIdle();
        assertThat(os.compute().servers().get(server.getId()).getStatus()).isEqualTo(Server.Status.VERIFY_RESIZE);
        assertThat(os.compute().servers().confirmResize(server.getId()).isSuccess()).isTrue();
        sim.control().runUntilIdle(); // the compute host confirms: VERIFY_RESIZE until it has
        Server resized = os.compute().servers().get(server.getId());
        assertThat(resized.getStatus()).isEqualTo(Server.Status.ACTIVE);
        assertThat(resized.getFlavorId()).isEqualTo("2");

        assertThat(os.compute().servers().rebuild(server.getId(), RebuildOptions.create().image(IMAGE)
                .name("rebuilt")).isSuccess()).isTrue();
        assertThat(os.compute().servers().get(server.getId()).getStatus()).isEqualTo(Server.Status.REBUILD);
        sim.control().runUntilIdle();
        assertThat(os.compute().servers().get(server.getId()).getName()).isEqualTo("rebuilt");

        String snapshot = os.compute().servers().createSnapshot(server.getId(), "snap");
        assertThat(snapshot).isNotBlank();
        sim.control().runUntilIdle();
        assertThat(os.imagesV2().get(snapshot).getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
        assertThat(os.compute().servers().backupServer(server.getId(), BackupOptions.create("nightly").daily(1))
                .isSuccess()).isTrue();
        sim.control().runUntilIdle();
        assertThat(os.imagesV2().list(java.util.Map.of("name", "nightly"))).hasSize(1);

        assertThat(os.compute().servers().changeAdminPassword(server.getId(), "s3cret!").isSuccess()).isTrue();
        assertThat(os.compute().servers().getConsoleOutput(server.getId(), 1)).isEqualTo("LAST LINE");
        assertThat(os.compute().servers().delete(server.getId()).isSuccess()).isTrue();
    }

    @Test
    void readsTheQuotasAndLimitsAndUploadsAnImageToBootFrom() {
        QuotaSet quota = os.compute().quotaSets().get(io.novasim.CloudSetup.DEMO_PROJECT);
        assertThat(quota.getInstances()).isEqualTo(10);
        bootActive();
        assertThat(os.compute().quotaSets().limits().getAbsolute().getTotalInstancesUsed()).isEqualTo(1);

        Image image = os.imagesV2().create(Builders.imageV2().name("uploaded").diskFormat(DiskFormat.QCOW2)
                .containerFormat(ContainerFormat.BARE).build());
        assertThat(image.getStatus()).isEqualTo(Image.ImageStatus.QUEUED);
        byte[] data = new byte[50_000];
        new java.util.Random(9).nextBytes(data);
        assertThat(os.imagesV2().upload(image.getId(), Payloads.create(new java.io.ByteArrayInputStream(data)),
                image).isSuccess()).isTrue();
        Image uploaded = os.imagesV2().get(image.getId());
        assertThat(uploaded.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
        assertThat(uploaded.getSize()).isEqualTo(data.length);
        Server booted = os.compute().servers().boot(Builders.server().name("from-upload").flavor("1")
                .image(image.getId()).networks(List.of(NET)).build());
        assertThat(booted.getId()).isNotBlank();
        assertThat(os.imagesV2().delete(image.getId()).isSuccess()).isTrue();
    }
}
