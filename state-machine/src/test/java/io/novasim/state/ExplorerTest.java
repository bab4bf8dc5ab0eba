package io.novasim.state;

import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.ExploreFault;
import io.novasim.state.explore.ExploreWorld;
import io.novasim.state.explore.Explorer;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;
import io.novasim.state.explore.Steps;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exhaustive exploration of a small world: the engine keeps its invariants, and a broken engine is caught. */
class ExplorerTest {
    private static final List<Operation> ATTACHING = List.of(Operation.ATTACH_INTERFACE, Operation.DETACH_INTERFACE,
            Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME, Operation.MEDIA_ATTACH, Operation.MEDIA_DETACH,
            Operation.REBOOT_SOFT, Operation.STOP, Operation.START, Operation.DELETE);

    /** One active server, a spare port, a volume and an ISO: made afresh, the same way, for every replay. */
    private static ExploreWorld world(Consumer<Cloud> breakIt) {
        Cloud probe = start(breakIt);
        Server web = probe.servers(ALICE).get(0);
        Port extra = probe.ports(ALICE).stream().filter(p -> "extra".equals(p.name())).findFirst().orElseThrow();
        CinderVolume data = probe.volumes(ALICE).get(0);
        return new ExploreWorld(() -> start(breakIt), ALICE, Map.of(web.id(), "web"), Map.of(extra.id(), "extra"),
                Map.of(data.id(), "data"), Map.of(ISO, "iso"));
    }

    private static Cloud start(Consumer<Cloud> breakIt) {
        Cloud cloud = Fixtures.cloud(5);
        breakIt.accept(cloud);
        cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE));
        cloud.execute(ALICE, new CreatePort(NET, "extra", null));
        cloud.execute(ALICE, new CreateVolume("data", 1, false, false));
        cloud.runUntilIdle();
        return cloud;
    }

    private static Exploration explore(Consumer<Cloud> breakIt, List<Operation> operations, Set<ExploreFault> faults,
                                       int depth) {
        ExploreWorld world = world(breakIt);
        return new Explorer(world, Steps.of(world, operations, faults), depth, EnumSet.allOf(Invariant.class))
                .explore();
    }

    @Test
    void theEngineKeepsEveryInvariantInEveryStateOfASmallWorld() {
        Exploration found = explore(cloud -> { }, ATTACHING, EnumSet.of(ExploreFault.FAIL, ExploreFault.STUCK), 6);

        assertThat(found.violations()).isEmpty();
        assertThat(found.states().size()).isGreaterThan(100);
        assertThat(found.states().get(0).form()).contains("web active/-/running").contains("volume data available")
                .contains("port extra DOWN");
        assertThat(found.transitions()).anySatisfy(t -> {
            assertThat(t.step().label()).isEqualTo("detach-volume");
            assertThat(t.refusal()).startsWith("409 ");
        });
    }

    @Test
    void aBrokenRuleIsFoundWithATraceOfMinimalLength() {
        Exploration found = explore(Cloud::withoutRollbackOfFailedDetach, ATTACHING,
                EnumSet.of(ExploreFault.FAIL), 6);

        assertThat(found.violations()).isNotEmpty();
        Exploration.Violation first = found.violations().get(0);
        assertThat(first.invariant()).isEqualTo(Invariant.VOLUME_CHANGE_HAS_WORK);
        assertThat(first.details()).containsExactly("volume data stays detaching with no work in flight");
        assertThat(first.trace()).extracting(Step::label)
                .containsExactly("attach-volume", "complete", "complete", "detach-volume!fail", "complete");
        assertThat(found.traceTo(first.state())).isEqualTo(first.trace());
    }

    @Test
    void theSameWorldIsExploredTheSameWayEveryTime() {
        Exploration once = explore(cloud -> { }, ATTACHING, EnumSet.of(ExploreFault.STUCK), 4);
        Exploration again = explore(cloud -> { }, ATTACHING, EnumSet.of(ExploreFault.STUCK), 4);

        assertThat(again.states()).isEqualTo(once.states());
        assertThat(again.transitions()).isEqualTo(once.transitions());
    }

    @Test
    void aDeeperExplorationFindsAtLeastTheStatesOfAShallowerOne() {
        Exploration shallow = explore(cloud -> { }, List.of(Operation.STOP, Operation.START, Operation.REBOOT_SOFT),
                Set.of(), 2);
        Exploration deep = explore(cloud -> { }, List.of(Operation.STOP, Operation.START, Operation.REBOOT_SOFT),
                Set.of(), 12);

        assertThat(deep.states()).extracting(Exploration.State::form)
                .containsAll(shallow.states().stream().map(Exploration.State::form).toList());
        assertThat(deep.exhausted()).isTrue();
        assertThat(deep.coverage()).isEqualTo(1.0);
        assertThat(shallow.coverage()).isLessThan(1.0);
    }

    @Test
    void theDepthIsBounded() {
        ExploreWorld world = world(cloud -> { });
        assertThatThrownBy(() -> new Explorer(world, List.of(), 13, Set.of()))
                .hasMessage("the depth must be 1 to 12: 13");
        assertThatThrownBy(() -> Steps.of(world, List.of(Operation.RESIZE), Set.of()))
                .hasMessage("resize cannot be explored");
    }
}
