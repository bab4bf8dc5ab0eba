package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Json;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.DeleteServerMetadata;
import io.novasim.state.command.DeletePort;
import io.novasim.state.command.DeleteVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Networks;
import io.novasim.state.command.Perform;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.DeleteServerGroup;
import io.novasim.state.command.UpdateQuotas;
import io.novasim.state.command.DeleteQuotas;
import io.novasim.state.command.UpdatePort;
import io.novasim.state.command.CreateSecurityGroup;
import io.novasim.state.command.DeleteSecurityGroup;
import io.novasim.state.command.CreateSecurityGroupRule;
import io.novasim.state.command.DeleteSecurityGroupRule;
import io.novasim.state.command.CreateServerBackup;
import io.novasim.state.command.LiveMigrateServer;
import io.novasim.state.command.MigrateServer;
import io.novasim.state.command.EvacuateServer;
import io.novasim.state.command.SetComputeServiceDown;
import io.novasim.state.command.NewRootVolume;
import io.novasim.state.command.CreateNetwork;
import io.novasim.state.command.DeleteNetwork;
import io.novasim.state.command.CreateSubnet;
import io.novasim.state.command.DeleteSubnet;
import io.novasim.state.command.ResizeServer;
import io.novasim.state.command.CreateServerImage;
import io.novasim.state.command.DeleteImage;
import io.novasim.state.command.RebuildServer;
import io.novasim.state.command.SetServerMetadata;
import io.novasim.state.command.UpdateServer;
import io.novasim.state.command.UpdateServerTags;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command comes back from a snapshot's JSON as it went in: written from its record components and read by its
 * simple name, as {@code Snapshots} does, nested values and nulls included.
 */
class CommandJsonTest {
    private static final String SERVER = "7a1c1d2e-3f40-4152-8364-7586978a9bfd";

    /** One or more of each command, with every field set that can be. */
    static final List<Command> SAMPLES = List.of(
            new CreateServer("web", "1", "image", null, "nova", Map.of("b", "2", "a", "1"),
                    Networks.of(Networks.NetworkRequest.network("net"), new Networks.NetworkRequest("net", null,
                            "10.0.0.9")), 1, "key", "IyEvYmluL3No", "the web tier", List.of("blue", "green"),
                    "web-01"),
            new CreateServer("web", "1", null, "volume", "nova", Map.of(), Networks.NONE).times(3),
            new CreateServer("web", "1", null, null, "nova", Map.of(), Networks.AUTO)
                    .bootingFromNewVolume(new NewRootVolume("image", 2, true)),
            new UpdateServer(SERVER, "db", null, true, "db-01"),
            UpdateServer.rename(SERVER, "cache"),
            new Perform(SERVER, Operation.REBOOT_HARD),
            new LockServer(SERVER, "maintenance"),
            new AttachInterface(SERVER, null, "net", "10.0.0.5", "nic"),
            new DetachInterface(SERVER, "port"),
            new CreatePort("net", "extra", "10.0.0.7"),
            new DeletePort("port"),
            new CreateVolume("data", 2, true, true, "mine", Map.of("app", "db"), "fast", "source"),
            new CreateVolume("data", 1, false, false),
            new DeleteVolume("volume"),
            new AttachVolume(SERVER, "volume", "/dev/vdc", "disk", true, 60),
            new DetachVolume(SERVER, "volume", 20),
            new UpdateVolumeAttachment(SERVER, "volume", "volume", false, "volume", SERVER, "/dev/vdb", null, true,
                    85),
            new AttachMedia(SERVER, "image"),
            new DetachMedia(SERVER, "image"),
            new CreateKeypair("k", null, "x509"),
            new CreateKeypair("k", "ssh-rsa AAAAB3 me@host", null),
            new DeleteKeypair("k"),
            new SetServerMetadata(SERVER, Map.of("role", "db", "tier", "2"), false),
            new SetServerMetadata(SERVER, Map.of(), true),
            new DeleteServerMetadata(SERVER, "role"),
            UpdateServerTags.add(SERVER, "blue"),
            new UpdateServerTags(SERVER, UpdateServerTags.Change.REPLACE, List.of("a", "b")),
            new RebuildServer(SERVER, "image", "pass", "web-2", null, true, Map.of("a", "1"), "k", true, null, true,
                    "web-02", true),
            RebuildServer.from(SERVER, "image"),
            new CreateServerImage(SERVER, "snap", Map.of("k", "v"), true),
            new DeleteImage("image"),
            new ResizeServer(SERVER, "2"),
            new CreateNetwork("net", null, false, false, 1450),
            new CreateNetwork("ext", "project", true, true, 1500),
            new DeleteNetwork("net"),
            new CreateSubnet("net", "sub", "10.9.0.0/24", null, true, "project"),
            new CreateSubnet("net", "sub", "10.9.0.0/24", null, false, null),
            new DeleteSubnet("sub"),
            new MigrateServer(SERVER, "compute-b"),
            new MigrateServer(SERVER, null),
            new EvacuateServer(SERVER, "compute-b", "secret"),
            new SetComputeServiceDown("compute-a", true),
            new LiveMigrateServer(SERVER, null),
            new CreateServerBackup(SERVER, "nightly", "daily", 2, Map.of("k", "v"), true),
            new CreateSecurityGroup("web", "http"),
            new DeleteSecurityGroup("group"),
            new CreateSecurityGroupRule("group", "ingress", "IPv4", "tcp", 80, 80, "0.0.0.0/0", null, ""),
            new CreateSecurityGroupRule("group", "egress", "IPv6", null, null, null, null, "other", null),
            new DeleteSecurityGroupRule("rule"),
            UpdatePort.rename("port", "web-port"),
            new UpdatePort("port", null, "the web tier's", List.of("group-a", "group-b")),
            new CreatePort("net", "extra", null, "spare", List.of("group")),
            new CreateServerGroup("g", "anti-affinity", 2),
            new CreateServerGroup("g", "affinity", null),
            new DeleteServerGroup("group"),
            UpdateQuotas.compute("project", Map.of("instances", 20), true),
            new UpdateQuotas("project", io.novasim.model.quota.QuotaResource.Service.NETWORK, Map.of("port", 5),
                    true),
            new DeleteQuotas("project", io.novasim.model.quota.QuotaResource.Service.VOLUME),
            new io.novasim.state.command.CreateImage("7b1e9a38-3c1f-4e0a-9a57-2f7c5f6b9d10", "uploaded", "qcow2",
                    "bare", "shared", 1, 64, Map.of("os_distro", "cirros")),
            new io.novasim.state.command.CreateImage(null, null, null, null, "private", 0, 0, Map.of()),
            new io.novasim.state.command.UploadImage("image", new io.novasim.model.image.ImageData(3, "md5", "sha")),
            new CreateServer("web", "1", "image").between(2, 5).inSecurityGroups(List.of("web", "default")),
            new CreateServer("web", "1", "image").inGroup("group"),
            new io.novasim.state.command.CallService(io.novasim.state.faults.Service.VOLUME, "get_volume", true),
            new io.novasim.state.command.CallService(io.novasim.state.faults.Service.IDENTITY, null, false),
            new io.novasim.state.command.AnswerRoute("GET", "/image/v2/images", Map.of("x-auth-token", "t")));

    @Test
    void everyCommandRoundTripsAsASnapshotWritesAndReadsIt() throws Exception {
        for (Command command : SAMPLES) {
            JsonNode arguments = Json.MAPPER.readTree(Json.write(Map.of("arguments", command))).get("arguments");
            Class<?> type = Class.forName("io.novasim.state.command." + command.getClass().getSimpleName());
            assertThat(Json.MAPPER.treeToValue(arguments, type)).as("%s from %s", command, arguments)
                    .isEqualTo(command);
        }
    }

    @Test
    void theSamplesHaveEveryCommand() {
        assertThat(SAMPLES.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Command.class.getPermittedSubclasses()));
    }
}
