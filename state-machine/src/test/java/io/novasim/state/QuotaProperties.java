package io.novasim.state;

import io.novasim.model.catalog.Flavor;
import io.novasim.model.error.ComputeException;
import io.novasim.model.quota.QuotaResource;
import io.novasim.model.quota.QuotaSet;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.model.server.ServerGroup;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateQuotas;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chains of creates (one, several, "as many as fit"), deletes, soft deletes, restores and quota changes: the usage the
 * quota API shows is always what the project's servers count for, a create makes exactly as many servers as the
 * model says the limits hold, and no project goes over a limit unless an admin forced it below its usage (or a
 * restore raced a create, as in Nova).
 */
class QuotaProperties {
    private static final Duration RECLAIM = Duration.ofMinutes(30);
    private static final List<Caller> CALLERS = List.of(ALICE, BOB, MALLORY);

    static final class Run {
        final EventLog log = new EventLog();
        final Cloud cloud = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(11),
                Timings.defaults().withReclaimInstanceInterval(Optional.of(RECLAIM)), log);
        /**
         * Projects the limits no longer bound: an admin forced one below its usage, or a restore ran. A restoring
         * server stays soft-deleted until its host is done, and counts for nothing meanwhile, so a create may take its
         * place: Nova's restore has the same race.
         */
        final Set<String> unbound = new HashSet<>();

        @Override
        public String toString() {
            return "Run" + cloud.state().servers().size();
        }
    }

    static Action<Run> create() {
        return (Action.Dependent<Run>) state -> Combinators.combine(Arbitraries.of(CALLERS),
                        Arbitraries.of(FLAVOR, BIGGER_FLAVOR), Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 3), groupOrNone(state))
                .as((caller, flavorId, max, fewer, group) -> Transformer.mutate("create " + Math.max(1, max - fewer)
                        + "-" + max + " of " + flavorId + " as " + caller.userId()
                        + (group.isEmpty() ? "" : " in " + group), run -> {
                    int min = Math.max(1, max - fewer);
                    QuotaSet limits = run.cloud.quotaLimits(ADMIN, caller.projectId());
                    int expected = fitting(limits, usage(run.cloud, caller.projectId()),
                            CATALOG.flavor(flavorId).orElseThrow(), min, max);
                    ServerGroup joined = group.isEmpty() ? null : run.cloud.serverGroup(ADMIN, group);
                    boolean visible = joined == null || caller.canSee(joined.projectId());
                    if (joined != null && expected > 0 && visible && !limits.allows(
                            QuotaResource.SERVER_GROUP_MEMBERS, membersOf(run.cloud, joined, caller) + expected)) {
                        expected = 0; // Nova's group member quota, checked for the servers the other quotas allow
                    }
                    CloudState before = run.cloud.state();
                    CreateServer command = new CreateServer("s", flavorId, IMAGE).withNetworks(
                            io.novasim.state.command.Networks.NONE).between(min, max);
                    try {
                        Receipt receipt = run.cloud.execute(caller, group.isEmpty() ? command
                                : command.inGroup(group));
                        assertThat(visible).as("another project's group is not found").isTrue();
                        assertThat(receipt.servers()).as("servers made").hasSize(expected);
                    } catch (ComputeException refused) {
                        assertThat(run.cloud.state()).isEqualTo(before);
                        if (!visible) {
                            assertThat(refused.code()).isEqualTo(400);
                            return;
                        }
                        assertThat(expected).as("refused: %s", refused.getMessage()).isZero();
                        assertThat(refused.code()).isEqualTo(403);
                    }
                }));
    }

    /** A server group of any project, or "" for none. */
    private static Arbitrary<String> groupOrNone(Run state) {
        List<String> groups = new java.util.ArrayList<>(List.of(""));
        state.cloud.state().serverGroups().forEach(g -> groups.add(g.id()));
        return Arbitraries.of(groups);
    }

    /** The caller's user's servers in the group: what the group member quota counts. */
    static long membersOf(Cloud cloud, ServerGroup group, Caller caller) {
        return group.members().stream().map(id -> cloud.state().servers().stream()
                .filter(s -> s.id().equals(id)).findFirst()).filter(java.util.Optional::isPresent)
                .filter(s -> s.get().userId().equals(caller.userId())).count();
    }

    static Action<Run> createGroup() {
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of(CALLERS),
                        Arbitraries.of("affinity", "anti-affinity"))
                .as((caller, policy) -> Transformer.mutate("create " + policy + " group as " + caller.userId(),
                        run -> {
                            long held = run.cloud.state().serverGroups().stream()
                                    .filter(g -> g.projectId().equals(caller.projectId())).count();
                            boolean fits = run.cloud.quotaLimits(ADMIN, caller.projectId())
                                    .allows(QuotaResource.SERVER_GROUPS, held + 1);
                            try {
                                run.cloud.execute(caller, new CreateServerGroup("g", policy, null));
                                assertThat(fits).as("within the server_groups quota").isTrue();
                            } catch (ComputeException refused) {
                                assertThat(fits).as("refused: %s", refused.getMessage()).isFalse();
                                assertThat(refused.getMessage()).isEqualTo("Quota exceeded, too many server groups.");
                            }
                        }));
    }

    /**
     * The model of Nova's create: the most from {@code min} to {@code max} the limits hold, or 0 (refused). With an
     * unlimited instances quota, a create whose {@code max} does not fit is refused whole, as Nova's headroom makes
     * it.
     */
    static int fitting(QuotaSet limits, long[] used, Flavor flavor, int min, int max) {
        for (int n = max; n >= min; n--) {
            boolean fits = limits.allows(QuotaResource.INSTANCES, used[0] + n)
                    && limits.allows(QuotaResource.CORES, used[1] + (long) n * flavor.vcpus())
                    && limits.allows(QuotaResource.RAM, used[2] + (long) n * flavor.ramMb());
            if (fits) {
                return n;
            }
            if (limits.limit(QuotaResource.INSTANCES) == QuotaResource.UNLIMITED) {
                return 0;
            }
        }
        return 0;
    }

    /** Instances, cores and ram of a project's servers, soft-deleted ones left out: counted from the state. */
    static long[] usage(Cloud cloud, String projectId) {
        long[] used = new long[3];
        for (Server server : cloud.state().servers()) {
            if (server.projectId().equals(projectId) && server.vmState() != VmState.SOFT_DELETED) {
                Flavor flavor = CATALOG.flavor(server.flavorId()).orElseThrow();
                used[0]++;
                used[1] += flavor.vcpus();
                used[2] += flavor.ramMb();
            }
        }
        return used;
    }

    static Action<Run> act() {
        return (Action.Dependent<Run>) run -> {
            List<String> ids = run.cloud.state().servers().stream().map(Server::id).toList();
            if (ids.isEmpty()) {
                return Arbitraries.just(Transformer.noop());
            }
            return Combinators.combine(Arbitraries.of(ids),
                            Arbitraries.of(Operation.DELETE, Operation.RESTORE, Operation.FORCE_DELETE))
                    .as((id, op) -> Transformer.mutate(op + " " + id, r -> {
                        Server server = r.cloud.state().servers().stream().filter(s -> s.id().equals(id))
                                .findFirst().orElseThrow();
                        Caller owner = CALLERS.stream().filter(c -> c.userId().equals(server.userId())).findFirst()
                                .orElseThrow();
                        // a restore the state allows is refused exactly when the quotas cannot hold the server again
                        boolean restorable = op == Operation.RESTORE && server.vmState() == VmState.SOFT_DELETED
                                && server.taskState() == io.novasim.model.server.TaskState.NONE;
                        boolean fits = fitting(r.cloud.quotaLimits(ADMIN, server.projectId()),
                                usage(r.cloud, server.projectId()), CATALOG.flavor(server.flavorId()).orElseThrow(),
                                1, 1) == 1;
                        try {
                            r.cloud.execute(owner, new Perform(id, op));
                            assertThat(!restorable || fits).as("a restore over the quotas is refused").isTrue();
                            if (op == Operation.RESTORE) {
                                r.unbound.add(server.projectId());
                            }
                        } catch (ComputeException refusedByStateOrQuota) {
                            // 500: Nova does not expect a forceDelete of a server that is not soft-deleted
                            assertThat(refusedByStateOrQuota.code()).isIn(403, 409, 500);
                            assertThat(restorable && fits).as("refused: %s", refusedByStateOrQuota.getMessage())
                                    .isFalse();
                            assertThat(refusedByStateOrQuota.code() == 403).isEqualTo(restorable);
                        }
                    }));
        };
    }

    static Action<Run> setLimits() {
        Arbitrary<Integer> limit = Arbitraries.of(-1, 0, 1, 2, 3, 5, 8);
        return (Action.Independent<Run>) () -> Combinators.combine(Arbitraries.of(DEMO, OTHER),
                        Arbitraries.of(QuotaResource.INSTANCES, QuotaResource.CORES, QuotaResource.RAM,
                                QuotaResource.SERVER_GROUPS, QuotaResource.SERVER_GROUP_MEMBERS), limit,
                        Arbitraries.of(false, false, true))
                .as((project, resource, value, force) -> Transformer.mutate("set " + resource.key() + " of "
                        + project + " to " + value + (force ? " forced" : ""), run -> {
                    int wanted = resource == QuotaResource.RAM && value > 0 ? value * 1024 : value;
                    long used = switch (resource) {
                        case INSTANCES, CORES, RAM -> usage(run.cloud, project)[resource.ordinal()];
                        case SERVER_GROUPS -> run.cloud.state().serverGroups().stream()
                                .filter(g -> g.projectId().equals(project)).count();
                        default -> 0; // members are counted per user and group: the project shows none used
                    };
                    boolean below = wanted != QuotaResource.UNLIMITED && wanted < used;
                    try {
                        run.cloud.execute(ADMIN, UpdateQuotas.compute(project, Map.of(resource.key(), wanted), force));
                        assertThat(below && !force).as("a limit below the usage needs force").isFalse();
                        if (below) {
                            run.unbound.add(project);
                        }
                    } catch (ComputeException refused) {
                        assertThat(below && !force).as("refused: %s", refused.getMessage()).isTrue();
                    }
                }));
    }

    static Action<Run> advance() {
        return (Action.Independent<Run>) () -> Arbitraries.of(5, 60, 3600).map(seconds -> Transformer.mutate(
                "advance " + seconds + " s", run -> run.cloud.advance(Duration.ofSeconds(seconds))));
    }

    static void usageIsCountedAndWithinLimits(Run run) {
        for (String project : List.of(DEMO, OTHER)) {
            long[] counted = usage(run.cloud, project);
            Map<QuotaResource, Long> shown = run.cloud.quotaDetail(ADMIN, project).inUse();
            assertThat(new long[]{shown.get(QuotaResource.INSTANCES), shown.get(QuotaResource.CORES),
                    shown.get(QuotaResource.RAM)}).as("usage of %s", project).containsExactly(counted);
            if (!run.unbound.contains(project)) {
                QuotaSet limits = run.cloud.quotaLimits(ADMIN, project);
                assertThat(limits.allows(QuotaResource.INSTANCES, counted[0])
                        && limits.allows(QuotaResource.CORES, counted[1])
                        && limits.allows(QuotaResource.RAM, counted[2])).as("%s within %s", project, limits)
                        .isTrue();
            }
        }
    }

    @Provide
    Arbitrary<ActionChain<Run>> chains() {
        return ActionChain.startWith(Run::new)
                .withAction(4, create())
                .withAction(1, createGroup())
                .withAction(3, act())
                .withAction(2, setLimits())
                .withAction(2, advance())
                .withMaxTransformations(40);
    }

    @Property(tries = 150)
    void usageAlwaysMatchesTheServersAndCreatesMakeWhatTheLimitsHold(@ForAll("chains") ActionChain<Run> chain) {
        chain.withInvariant("usage counted, limits kept", QuotaProperties::usageIsCountedAndWithinLimits).run();
        Run last = chain.finalState().orElseThrow();

        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(11),
                Timings.defaults().withReclaimInstanceInterval(Optional.of(RECLAIM)), new EventLog());
        Replay.onto(replayed, last.log.events());
        replayed.advanceTo(last.cloud.now());
        assertThat(replayed.state()).as("a replay sets the same limits").isEqualTo(last.cloud.state());
    }
}
