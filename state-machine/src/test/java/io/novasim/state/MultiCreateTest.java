package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Networks;
import io.novasim.state.command.Receipt;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nova's multi-create ({@code max_count}): one request boots several alike servers, named {@code NAME-1} to
 * {@code NAME-n}, under one request id; a refusal of any of them leaves nothing behind. The fixture's subnet is a /28:
 * thirteen addresses for servers, more than the default instances quota holds, so those tests lift it.
 */
class MultiCreateTest {
    private static final int ADDRESSES = 13;

    private static CreateServer web(int count) {
        return new CreateServer("web", FLAVOR, IMAGE).times(count);
    }

    @Property(tries = 40)
    void nServersBootAsOneRequestWithTheirOwnNamesAndAddresses(@ForAll @IntRange(min = 1, max = ADDRESSES) int count,
                                                               @ForAll @IntRange(min = 0, max = 3) int before) {
        Cloud cloud = cloudWithoutServerQuotas(1);
        for (int i = 0; i < Math.min(before, ADDRESSES - count); i++) {
            cloud.execute(ALICE, new CreateServer("earlier-" + i, FLAVOR, IMAGE));
        }
        int earlier = cloud.state().servers().size();
        Receipt receipt = cloud.execute(ALICE, web(count));

        List<Server> made = receipt.servers();
        assertThat(made).hasSize(count).first().isEqualTo(receipt.server());
        assertThat(made).extracting(Server::name).containsExactlyElementsOf(count == 1 ? List.of("web")
                : IntStream.rangeClosed(1, count).mapToObj(i -> "web-" + i).toList());
        assertThat(made).allMatch(server -> server.vmState() == VmState.BUILDING);
        assertThat(cloud.state().servers()).hasSize(earlier + count);
        Set<String> addresses = cloud.state().ports().stream().flatMap(port -> port.fixedIps().stream())
                .map(ip -> ip.ipAddress()).collect(Collectors.toSet());
        assertThat(addresses).as("one address each, none shared").hasSize(earlier + count);
        for (Server server : made) {
            assertThat(cloud.instanceActions(ALICE, server.id())).singleElement()
                    .satisfies(action -> assertThat(action.requestId()).isEqualTo(receipt.requestId()));
        }
        cloud.advance(Duration.ofMinutes(1));
        assertThat(cloud.state().servers()).allMatch(server -> server.vmState() == VmState.ACTIVE);
    }

    @Property(tries = 20)
    void moreServersThanAddressesAreRefusedWholly(@ForAll @IntRange(min = ADDRESSES + 1, max = 40) int count) {
        Cloud cloud = cloudWithoutServerQuotas(1);
        cloud.execute(ALICE, new CreateServer("first", FLAVOR, IMAGE));
        CloudState before = cloud.state();

        assertThatThrownBy(() -> cloud.execute(ALICE, web(count - 1))).isInstanceOf(ComputeException.class)
                .hasMessage("No fixed IP addresses available for network: " + NET);

        CloudState after = cloud.state();
        assertThat(after.servers()).isEqualTo(before.servers());
        assertThat(after.ports()).isEqualTo(before.ports());
        assertThat(after.actions()).isEqualTo(before.actions());
    }

    @Example
    void aFaultOnOneOfThemRefusesThemAll() {
        Cloud cloud = cloud(1);
        cloud.addFault(new FaultRule("second", FaultMatch.operation(Operation.CREATE).onServerNamed("web-2"),
                FaultEffect.Error.serviceUnavailable("busy"), Trigger.always()));

        assertThatThrownBy(() -> cloud.execute(ALICE, web(3))).isInstanceOf(ComputeException.class)
                .hasMessage("busy");

        assertThat(cloud.state().servers()).isEmpty();
        assertThat(cloud.state().ports()).isEmpty();
    }

    @Example
    void aNamedPortAFixedIpOrABootVolumeServeOneServerOnly() {
        Cloud cloud = cloud(1);
        Map<CreateServer, String> refused = Map.of(
                web(2).withNetworks(new Networks(Networks.Mode.LIST,
                        List.of(new Networks.NetworkRequest(null, "any-port", null)))),
                "Failed to launch instances: Unable to launch multiple instances with a single configured port ID. "
                        + "Please launch your instance one by one with different ports.",
                web(2).withNetworks(new Networks(Networks.Mode.LIST,
                        List.of(new Networks.NetworkRequest(NET, null, "10.0.0.9")))),
                "Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is specified.",
                web(2).bootingFromVolume("any-volume"),
                "Cannot attach one or more volumes to multiple instances");
        refused.forEach((command, message) -> assertThatThrownBy(() -> cloud.execute(ALICE, command))
                .isInstanceOf(ComputeException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ComputeException) e).code()).isEqualTo(400)));
        assertThat(cloud.state().servers()).isEmpty();
        assertThat(cloud.state().ports()).extracting(Port::id).isEmpty();
    }
}
