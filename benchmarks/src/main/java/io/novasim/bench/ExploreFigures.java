package io.novasim.bench;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.error.ComputeException;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.model.server.Server;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.Perform;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.ExploreFault;
import io.novasim.state.explore.ExploreWorld;
import io.novasim.state.explore.Explorer;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Steps;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast {@code novasim explore} searches, on {@code explore}'s default world (one server with its boot port, a
 * spare port, one volume and one ISO; the ten default operations with the fail and stuck faults) at depth 6: the
 * median wall time of {@value #RUNS} explorations after {@value #WARMUP} warm-ups, the states generated per second
 * (every step that applied, refusals included, as TLC counts them) and the distinct states per second, and the heap
 * one found state keeps (the exploration's result, after full collections, divided by its states). The baseline,
 * measured in the same run, is the engine's bare rate of refused commands: the cheapest step there is.
 *
 * <p>Run on one core: {@code mvn -B -q package -DskipTests -pl benchmarks -am && taskset -c 1 java
 * -XX:ActiveProcessorCount=1 -cp benchmarks/target/benchmarks.jar io.novasim.bench.ExploreFigures}
 */
public final class ExploreFigures {
    private static final int WARMUP = 5;
    private static final int RUNS = 9;
    private static final int DEPTH = 6;
    /** What {@code novasim explore} reports for its default world at depth 6: the world here is the same. */
    private static final int DEFAULT_WORLD_STATES = 14_757;
    private static final String PROJECT = "6f70656e737461636b20342065766572";
    private static final Caller DEMO = new Caller("d3b07384d113edec49eaa6238ad5ff00", PROJECT, false);
    private static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";

    private ExploreFigures() {
    }

    public static void main(String[] args) {
        Cloud start = defaultWorld();
        ExploreWorld world = new ExploreWorld(() -> start.copy(EventListener.NONE), DEMO,
                Map.of(start.servers(DEMO).get(0).id(), "web"),
                Map.of(start.ports(DEMO).stream().filter(p -> "extra".equals(p.name())).findFirst().orElseThrow()
                        .id(), "extra"),
                Map.of(start.volumes(DEMO).get(0).id(), "data"), Map.of(ISO, "rescue-media.iso"));
        List<Operation> operations = List.of(Operation.ATTACH_INTERFACE, Operation.DETACH_INTERFACE,
                Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME, Operation.MEDIA_ATTACH, Operation.MEDIA_DETACH,
                Operation.REBOOT_SOFT, Operation.STOP, Operation.START, Operation.DELETE);
        Explorer explorer = new Explorer(world, Steps.of(world, operations,
                List.of(ExploreFault.FAIL, ExploreFault.STUCK)), DEPTH, EnumSet.allOf(Invariant.class));

        Exploration found = null;
        for (int i = 0; i < WARMUP; i++) {
            found = explorer.explore();
        }
        if (found.states().size() != DEFAULT_WORLD_STATES) {
            System.out.println("note: " + found.states().size() + " states, where explore's default world has "
                    + DEFAULT_WORLD_STATES + ": the worlds differ");
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            found = explorer.explore();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double seconds = nanos[RUNS / 2] / 1e9;
        double baseline = refusedCommandsPerSecond(start);
        long before = HeapPerServer.usedAfterGc();
        Exploration kept = explorer.explore();
        long after = HeapPerServer.usedAfterGc();

        System.out.printf(Locale.ROOT, "explore's default world, depth %d: %,d states, %,d transitions (%,d refused), "
                + "%,d expanded%n", DEPTH, found.states().size(), found.transitions().size(),
                found.transitions().stream().filter(Exploration.Transition::refused).count(), found.expanded());
        System.out.printf(Locale.ROOT, "  time to explore it (median of %d)     %,10.0f ms (fastest %,.0f, slowest %,.0f)%n",
                RUNS, seconds * 1e3, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  states generated per second         %,10.0f%n",
                found.transitions().size() / seconds);
        System.out.printf(Locale.ROOT, "  distinct states per second          %,10.0f%n", found.states().size() / seconds);
        System.out.printf(Locale.ROOT, "  baseline: refused commands per second %,8.0f (states generated / that: %.3f)%n",
                baseline, found.transitions().size() / seconds / baseline);
        System.out.printf(Locale.ROOT, "  heap kept per state found            %,10.0f bytes (the result: forms, "
                + "transitions, traces)%n", (double) (after - before) / kept.states().size());
    }

    /** The cloud of the default world, and the world made in it as {@code explore} makes it. */
    static Cloud defaultWorld() {
        Catalog catalog = new Catalog(List.of(new Project(PROJECT, "demo", "default")),
                List.of(new User(DEMO.userId(), "demo", "default")),
                List.of(new Flavor("1", "m1.tiny", 1, 512, 1, 0, 0, true)),
                List.of(new Image("70a599e0-31e7-49b7-b260-868f441e862b", "cirros-0.6.2-x86_64-disk", "active", 0, 0,
                                21_430_272, "qcow2", "bare"),
                        new Image(ISO, "rescue-media.iso", "active", 0, 0, 1_048_576, "iso", "bare")),
                List.of(new Network("3cb9bc59-5699-4588-a4b1-b87f96708bc6", "private", PROJECT, false, false, 1450)),
                List.of(new Subnet("f8a6e8f8-c2ec-497c-9f23-da9616de54ef", "private-subnet",
                        "3cb9bc59-5699-4588-a4b1-b87f96708bc6", PROJECT, Ipv4Cidr.parse("10.0.0.0/24"), "10.0.0.1")));
        Cloud cloud = new Cloud(catalog, new VirtualClock(), new SeededIdSource(1), Timings.defaults(),
                EventListener.NONE);
        cloud.execute(DEMO, new CreateVolume("data", 1, false, false));
        cloud.execute(DEMO, new CreatePort("3cb9bc59-5699-4588-a4b1-b87f96708bc6", "extra", null));
        cloud.execute(DEMO, new CreateServer("web", "1", "70a599e0-31e7-49b7-b260-868f441e862b"));
        cloud.runUntilIdle();
        return cloud;
    }

    /** The engine's rate of the cheapest step: a start refused because the server is active, on a copy. */
    private static double refusedCommandsPerSecond(Cloud start) {
        Cloud cloud = start.copy(EventListener.NONE);
        Server server = cloud.servers(DEMO).get(0);
        Perform refused = new Perform(server.id(), Operation.START);
        int n = 2_000_000;
        long t0 = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the path up
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try {
                    cloud.execute(DEMO, refused);
                } catch (ComputeException expected) {
                    // the point
                }
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
