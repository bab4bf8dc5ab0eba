package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.error.ComputeException;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Port;
import io.novasim.model.network.ServerAddress;
import io.novasim.model.network.Subnet;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerStatus;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Networks;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of nova-semantics.md §3.2 that the core decides, and the detach semantics of §3.3. */
class InterfacesTest {
    private final Cloud cloud = Fixtures.cloud(11);

    private Server activeServer() {
        Server server = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return cloud.server(ALICE, server.id());
    }

    private Port userPort() {
        return cloud.execute(ALICE, new CreatePort(NET, "mine", null)).port();
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, int code, String message) {
        assertThatThrownBy(call).isInstanceOf(ComputeException.class).hasMessage(message)
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(code);
    }

    @Test
    void aServerBootsWithAPortOnTheProjectsNetworkAndShowsItsAddress() {
        Server server = activeServer();
        List<Port> ports = cloud.interfaces(ALICE, server.id());
        assertThat(ports).singleElement().satisfies(p -> {
            assertThat(p.networkId()).isEqualTo(NET);
            assertThat(p.fixedIps().get(0).ipAddress()).isEqualTo("10.0.0.2");
            assertThat(p.macAddress()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
            assertThat(p.deviceOwner()).isEqualTo("compute:nova");
            assertThat(p.createdByCompute()).isTrue();
        });
        assertThat(cloud.addresses(ALICE, server.id())).containsOnlyKeys("private");
        assertThat(cloud.addresses(ALICE, server.id()).get("private")).singleElement()
                .isEqualTo(new ServerAddress("private", "10.0.0.2", 4, ports.get(0).macAddress(), "fixed"));
    }

    @Test
    void attachByPortBindsTheUsersPortAtOnce() {
        Server server = activeServer();
        Port mine = userPort();
        assertThat(mine.bound()).isFalse();

        var receipt = cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id()));
        Port bound = receipt.port();
        assertThat(bound.id()).isEqualTo(mine.id());
        assertThat(bound.deviceId()).isEqualTo(server.id());
        assertThat(bound.status()).isEqualTo("ACTIVE");
        assertThat(cloud.interfaces(ALICE, server.id())).extracting(Port::id).contains(mine.id());
        assertThat(cloud.addresses(ALICE, server.id()).get("private")).hasSize(2);
        InstanceAction action = cloud.instanceAction(ALICE, server.id(), receipt.requestId());
        assertThat(action.action()).isEqualTo("attach_interface");
        assertThat(action.events()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("compute_attach_interface");
            assertThat(e.result()).isEqualTo("Success");
        });
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void attachByNetworkMakesAPortWithTheNextFreeAddressOrTheOneAskedFor() {
        Server server = activeServer();
        Port next = cloud.execute(ALICE, AttachInterface.network(server.id(), NET)).port();
        assertThat(next.fixedIps().get(0).ipAddress()).isEqualTo("10.0.0.3");
        assertThat(next.createdByCompute()).isTrue();

        Port chosen = cloud.execute(ALICE, new AttachInterface(server.id(), null, NET, "10.0.0.9", "nic2")).port();
        assertThat(chosen.fixedIps().get(0).ipAddress()).isEqualTo("10.0.0.9");
        assertThat(chosen.tag()).isEqualTo("nic2");

        refused(() -> cloud.execute(ALICE, new AttachInterface(server.id(), null, NET, "10.0.0.9", null)), 409,
                "Fixed IP 10.0.0.9 is already in use.");
        refused(() -> cloud.execute(ALICE, new AttachInterface(server.id(), null, NET, "192.168.7.7", null)), 400,
                "Invalid input received: Fixed IP 192.168.7.7 is not a valid ip address for network " + NET + ".");
    }

    @Test
    void attachWithNoNetworkPicksTheOnlyOne() {
        Server server = activeServer();
        Port port = cloud.execute(ALICE, new AttachInterface(server.id(), null, null, null, null)).port();
        assertThat(port.networkId()).isEqualTo(NET);
    }

    @Test
    void attachWithNoNetworkIsRefusedWhenThereIsNoneOrMoreThanOne() {
        Catalog none = new Catalog(CATALOG.projects(), CATALOG.users(), CATALOG.flavors(), CATALOG.images());
        Cloud bare = new Cloud(none, new VirtualClock(), new SeededIdSource(1), Timings.defaults(), EventListener.NONE);
        Server lonely = bare.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)).server();
        bare.runUntilIdle();
        refused(() -> bare.execute(ALICE, new AttachInterface(lonely.id(), null, null, null, null)), 400,
                "No specific network was requested and none are available for project '" + DEMO + "'.");

        List<Network> networks = new java.util.ArrayList<>(CATALOG.networks());
        networks.add(new Network(SHARED_NET, "shared", OTHER, true, false, 1500));
        List<Subnet> subnets = new java.util.ArrayList<>(CATALOG.subnets());
        subnets.add(new Subnet("5d0b8f58-1111-4a2b-9d1e-7c3b2a1f0e99", "shared-subnet", SHARED_NET, OTHER,
                Ipv4Cidr.parse("172.16.0.0/24"), "172.16.0.1"));
        Catalog two = new Catalog(CATALOG.projects(), CATALOG.users(), CATALOG.flavors(), CATALOG.images(),
                networks, subnets);
        Cloud crowded = new Cloud(two, new VirtualClock(), new SeededIdSource(1), Timings.defaults(),
                EventListener.NONE);
        refused(() -> crowded.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)), 409,
                "Multiple possible networks found, use a Network ID to be more specific.");
        Server server = crowded.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)
                .withNetworks(Networks.of(Networks.NetworkRequest.network(NET)))).server();
        crowded.runUntilIdle();
        refused(() -> crowded.execute(ALICE, new AttachInterface(server.id(), null, null, null, null)), 400,
                "More than one possible network found. Specify network ID(s) to select which one(s) to connect to.");
        assertThat(crowded.execute(ALICE, AttachInterface.network(server.id(), SHARED_NET)).port().networkId())
                .isEqualTo(SHARED_NET);
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingElse() {
        Server server = activeServer();
        Port mine = userPort();
        refused(() -> cloud.execute(ALICE, new AttachInterface(server.id(), mine.id(), NET, null, null)), 400,
                "Must not input both network_id and port_id");
        refused(() -> cloud.execute(ALICE, new AttachInterface(server.id(), null, null, "10.0.0.5", null)), 400,
                "Must input network_id when request IP address");
        refused(() -> cloud.execute(ALICE, AttachInterface.port("nope", mine.id())), 404,
                "Instance nope could not be found.");
    }

    @Test
    void unknownOrForeignPortsAndNetworksAreNotFound() {
        Server server = activeServer();
        String missing = "11111111-2222-4333-8444-555555555555";
        refused(() -> cloud.execute(ALICE, AttachInterface.port(server.id(), missing)), 404,
                "Port id " + missing + " could not be found.");
        Port malloryPort = cloud.execute(MALLORY, new CreatePort(OTHER_NET, "theirs", null)).port();
        refused(() -> cloud.execute(ALICE, AttachInterface.port(server.id(), malloryPort.id())), 404,
                "Port id " + malloryPort.id() + " could not be found.");
        refused(() -> cloud.execute(ALICE, AttachInterface.network(server.id(), missing)), 404,
                "Network " + missing + " could not be found.");
        refused(() -> cloud.execute(ALICE, AttachInterface.network(server.id(), OTHER_NET)), 404,
                "Network " + OTHER_NET + " could not be found.");
    }

    @Test
    void aPortBoundElsewhereIsStillInUse() {
        Server first = activeServer();
        Server second = activeServer();
        Port mine = userPort();
        cloud.execute(ALICE, AttachInterface.port(first.id(), mine.id()));
        CloudState before = cloud.state();
        refused(() -> cloud.execute(ALICE, AttachInterface.port(second.id(), mine.id())), 409,
                "Port " + mine.id() + " is still in use.");
        assertThat(cloud.state()).isEqualTo(before);
    }

    @Test
    void theServersStateGatesAttachAndDetach() {
        Server server = activeServer();
        Port mine = userPort();
        cloud.execute(ALICE, new Perform(server.id(), Operation.SUSPEND));
        refused(() -> cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id())), 409,
                "Cannot 'attach_interface' instance " + server.id() + " while it is in task_state suspending");
        cloud.runUntilIdle();
        refused(() -> cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id())), 409,
                "Cannot 'attach_interface' instance " + server.id() + " while it is in vm_state suspended");
        refused(() -> cloud.execute(ALICE, new DetachInterface(server.id(), mine.id())), 409,
                "Cannot 'detach_interface' instance " + server.id() + " while it is in vm_state suspended");
        cloud.execute(ALICE, new Perform(server.id(), Operation.RESUME));
        cloud.runUntilIdle();
        cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT));
        refused(() -> cloud.execute(ALICE, new DetachInterface(server.id(), mine.id())), 409,
                "Cannot 'detach_interface' instance " + server.id() + " while it is in task_state rebooting");
        cloud.runUntilIdle();
        cloud.execute(ALICE, new LockServer(server.id(), null));
        refused(() -> cloud.execute(BOB, AttachInterface.port(server.id(), mine.id())), 409,
                "Instance " + server.id() + " is locked");
        assertThat(cloud.execute(ADMIN, AttachInterface.port(server.id(), mine.id())).port().bound()).isTrue();
    }

    @Test
    void interfacesAttachToStoppedAndPausedServers() {
        Server stopped = activeServer();
        cloud.execute(ALICE, new Perform(stopped.id(), Operation.STOP));
        Server paused = activeServer();
        cloud.execute(ALICE, new Perform(paused.id(), Operation.PAUSE));
        cloud.runUntilIdle();
        assertThat(cloud.execute(ALICE, AttachInterface.network(stopped.id(), NET)).port().bound()).isTrue();
        assertThat(cloud.execute(ALICE, AttachInterface.network(paused.id(), NET)).port().bound()).isTrue();
    }

    @Test
    void detachIsAcceptedAtOnceAndThePortStaysListedUntilItCompletes() {
        Server server = activeServer();
        Port mine = userPort();
        cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id()));
        Port ours = cloud.execute(ALICE, AttachInterface.network(server.id(), NET)).port();

        String detachMine = cloud.execute(ALICE, new DetachInterface(server.id(), mine.id())).requestId();
        String detachOurs = cloud.execute(ALICE, new DetachInterface(server.id(), ours.id())).requestId();
        assertThat(cloud.interfaces(ALICE, server.id())).extracting(Port::id).contains(mine.id(), ours.id());
        assertThat(cloud.server(ALICE, server.id()).taskState().isIdle()).as("no task_state for a detach").isTrue();
        assertThat(cloud.instanceAction(ALICE, server.id(), detachMine).events().get(0).result()).isNull();

        cloud.advance(Duration.ofSeconds(1));
        assertThat(cloud.interfaces(ALICE, server.id())).extracting(Port::id).doesNotContain(mine.id(), ours.id());
        Port kept = cloud.port(ALICE, mine.id());
        assertThat(kept.deviceId()).as("the user's port is kept, unbound").isEmpty();
        assertThat(kept.deviceOwner()).isEmpty();
        assertThatThrownBy(() -> cloud.port(ALICE, ours.id())).as("the port Nova made is deleted")
                .hasMessage("Port id " + ours.id() + " could not be found.");
        for (String requestId : List.of(detachMine, detachOurs)) {
            InstanceAction action = cloud.instanceAction(ALICE, server.id(), requestId);
            assertThat(action.action()).isEqualTo("detach_interface");
            assertThat(action.message()).isNull();
            assertThat(action.events().get(0).event()).isEqualTo("compute_detach_interface");
            assertThat(action.events().get(0).result()).isEqualTo("Success");
        }
    }

    @Test
    void detachOfAPortThatIsNotAttachedFailsLaterOnTheInstanceAction() {
        Server server = activeServer();
        String random = "0f0f0f0f-1e1e-4d2d-8c3c-4b4b4b4b4b4b";
        String requestId = cloud.execute(ALICE, new DetachInterface(server.id(), random)).requestId();
        cloud.advance(Duration.ofSeconds(1));
        InstanceAction action = cloud.instanceAction(ALICE, server.id(), requestId);
        assertThat(action.message()).isEqualTo("Error");
        assertThat(action.events().get(0).result()).isEqualTo("Error");
        assertThat(action.events().get(0).traceback()).isEqualTo("Port " + random + " is not attached");
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void showTellsAMissingPortFromAPortOfAnotherServer() {
        Server server = activeServer();
        Server other = activeServer();
        Port onOther = cloud.interfaces(ALICE, other.id()).get(0);
        String missing = "11111111-2222-4333-8444-555555555555";
        refused(() -> cloud.interfaceOf(ALICE, server.id(), missing), 404,
                "Port id " + missing + " could not be found.");
        refused(() -> cloud.interfaceOf(ALICE, server.id(), onOther.id()), 404,
                "Instance " + server.id() + " does not have a port with id " + onOther.id());
        assertThat(cloud.interfaceOf(ALICE, other.id(), onOther.id())).isEqualTo(onOther);
    }

    @Test
    void aFullSubnetHasNoMoreFixedIps() {
        Server server = activeServer(); // 10.0.0.2 of a /28: .2 to .14 can be handed out
        for (int i = 3; i <= 14; i++) {
            assertThat(cloud.execute(ALICE, AttachInterface.network(server.id(), NET)).port().fixedIps().get(0)
                    .ipAddress()).isEqualTo("10.0.0." + i);
        }
        refused(() -> cloud.execute(ALICE, AttachInterface.network(server.id(), NET)), 400,
                "No fixed IP addresses available for network: " + NET);
    }

    @Test
    void deletingAServerReleasesItsPorts() {
        Server server = activeServer();
        Port mine = userPort();
        cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id()));
        Port boot = cloud.interfaces(ALICE, server.id()).get(0);
        cloud.execute(ALICE, new Perform(server.id(), Operation.DELETE));
        cloud.runUntilIdle();
        assertThat(cloud.port(ALICE, mine.id()).bound()).isFalse();
        assertThat(cloud.ports(ALICE)).extracting(Port::id).containsExactly(mine.id()).doesNotContain(boot.id());
    }

    @Test
    void aFaultFailsAnAttachWithNovas500AndAppliesNothing() {
        Server server = activeServer();
        Port mine = userPort();
        cloud.addFault(new FaultRule("plug", FaultMatch.operation(Operation.ATTACH_INTERFACE),
                new FaultEffect.FailCompletion(500, "libvirt said no"), Trigger.nextCalls(1)));
        CloudState before = cloud.state();
        refused(() -> cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id())), 500,
                "Failed to attach network adapter device to " + server.id());
        assertThat(cloud.state().ports()).isEqualTo(before.ports());
        assertThat(cloud.execute(ALICE, AttachInterface.port(server.id(), mine.id())).port().bound()).isTrue();
    }

    @Test
    void aFailedDetachLeavesThePortAttached() {
        Server server = activeServer();
        Port boot = cloud.interfaces(ALICE, server.id()).get(0);
        cloud.addFault(new FaultRule("unplug", FaultMatch.operation(Operation.DETACH_INTERFACE).onPort(boot.id()),
                new FaultEffect.FailCompletion(500, "device busy"), Trigger.always()));
        String requestId = cloud.execute(ALICE, new DetachInterface(server.id(), boot.id())).requestId();
        cloud.runUntilIdle();
        assertThat(cloud.interfaces(ALICE, server.id())).containsExactly(boot);
        assertThat(cloud.instanceAction(ALICE, server.id(), requestId).events().get(0).traceback())
                .isEqualTo("Failed to detach network adapter device from " + server.id() + ": device busy");
    }
}
