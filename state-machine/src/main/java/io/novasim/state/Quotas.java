package io.novasim.state;

import io.novasim.model.catalog.Flavor;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.quota.QuotaResource;
import io.novasim.model.quota.QuotaSet;
import io.novasim.model.server.ServerGroup;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateQuotas;
import io.novasim.state.rules.AdminPolicy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's quotas, as its default driver ({@code DbQuotaDriver}) keeps them: each project has the catalog's default
 * limits, or those an admin set for it ({@code os-quota-sets}); instances, cores and ram are counted from the
 * project's servers, and a create, restore or upsize that would go over is refused with Nova's 403 and its counts.
 * Per-user limits are not simulated.
 */
final class Quotas {
    /** Nova's {@code os_compute_api:os-quota-sets:show} and {@code detail}: the project's own readers, or admins. */
    static final String SHOW_POLICY = "os_compute_api:os-quota-sets:show";
    static final String DETAIL_POLICY = "os_compute_api:os-quota-sets:detail";

    private final World world;

    Quotas(World world) {
        this.world = world;
    }

    /** The project's limits: the catalog's defaults, with what an admin set over them. */
    QuotaSet limits(String projectId) {
        Map<QuotaResource, Integer> set = world.quotaOverrides.get(projectId);
        QuotaSet defaults = world.catalog.quotaDefaults();
        return set == null ? defaults : defaults.with(set);
    }

    /**
     * What the project uses, as Nova's quota API shows it: instances, cores, ram and server groups counted; key pairs
     * and server group members are counted per user and per group, so the project view shows 0, as Nova's does.
     */
    Map<QuotaResource, Long> usage(String projectId) {
        World.ServerUsage servers = world.serverUsage(projectId);
        Map<QuotaResource, Long> usage = new EnumMap<>(QuotaResource.class);
        for (QuotaResource resource : QuotaResource.all()) {
            usage.put(resource, 0L);
        }
        usage.put(QuotaResource.INSTANCES, (long) servers.instances());
        usage.put(QuotaResource.CORES, servers.cores());
        usage.put(QuotaResource.RAM, servers.ram());
        usage.put(QuotaResource.SERVER_GROUPS, world.serverGroups.values().stream()
                .filter(g -> g.projectId().equals(projectId)).count());
        return usage;
    }

    /** The limits the caller may read: its own project's, or any project's for an admin. */
    QuotaSet readable(Caller caller, String projectId, String policy) {
        if (!caller.canSee(projectId)) {
            throw Refusal.POLICY_NOT_AUTHORIZED.exception(policy).explainedAs("the project " + projectId
                    + " is not the caller's (rule: policy " + policy + " allows the project's readers and admins)");
        }
        return existing(projectId);
    }

    /** The limits of a project Keystone knows, or Nova's 400 ({@code identity.verify_project_id}). */
    QuotaSet existing(String projectId) {
        if (world.catalog.project(projectId).isEmpty()) {
            throw Refusal.PROJECT_NOT_VALID.exception(projectId);
        }
        return limits(projectId);
    }

    /**
     * Sets some of a project's limits, in Nova's two passes: every value is checked first (at least what the project
     * uses, unless forced), then all are stored.
     */
    Receipt update(Caller caller, UpdateQuotas command, String requestId) {
        AdminPolicy.QUOTA_SETS_UPDATE.enforce(caller.admin());
        existing(command.projectId());
        if (command.limits().containsKey(UpdateQuotas.NETWORKS)) {
            throw Refusal.NETWORKS_QUOTA_REMOVED.exception();
        }
        Map<QuotaResource, Long> usage = usage(command.projectId());
        Map<QuotaResource, Integer> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : command.limits().entrySet()) {
            QuotaResource resource = QuotaResource.byKey(entry.getKey()).orElseThrow();
            int limit = entry.getValue();
            long used = usage.get(resource);
            if (!command.force() && limit != QuotaResource.UNLIMITED && limit < used) {
                throw Refusal.QUOTA_LIMIT_BELOW_USAGE.exception(limit, resource.key(), used);
            }
            changes.put(resource, limit);
        }
        world.quotaOverrides.computeIfAbsent(command.projectId(), p -> new EnumMap<>(QuotaResource.class))
                .putAll(changes);
        return Receipt.of(requestId, limits(command.projectId()));
    }

    /** Forgets what an admin set for a project: its limits are the defaults again. */
    Receipt delete(Caller caller, String projectId, String requestId) {
        AdminPolicy.QUOTA_SETS_DELETE.enforce(caller.admin());
        world.quotaOverrides.remove(projectId);
        return Receipt.of(requestId, limits(projectId));
    }

    /**
     * How many of a create's servers the project's instances, cores and ram quotas allow: {@code max}, or fewer when
     * at least {@code min} fit (Nova makes as many as fit); else Nova's 403 ({@code check_num_instances_quota}).
     */
    int instancesAllowed(String projectId, Flavor flavor, int min, int max) {
        QuotaSet limits = limits(projectId);
        World.ServerUsage used = world.serverUsage(projectId);
        Map<QuotaResource, Long> deltas = serverDeltas(flavor, max);
        List<QuotaResource> overs = overs(limits, used, deltas);
        if (overs.isEmpty()) {
            return max;
        }
        // Nova's headroom: what is left of each quota. An unlimited instances quota leaves a negative headroom, so
        // a create over the cores or ram quota is refused whole; unlimited cores or ram narrow nothing.
        long allowed = limits.limit(QuotaResource.INSTANCES) - used.instances();
        if (flavor.vcpus() > 0 && limits.limit(QuotaResource.CORES) != QuotaResource.UNLIMITED) {
            allowed = Math.min(allowed, Math.floorDiv(limits.limit(QuotaResource.CORES) - used.cores(),
                    flavor.vcpus()));
        }
        if (flavor.ramMb() > 0 && limits.limit(QuotaResource.RAM) != QuotaResource.UNLIMITED) {
            allowed = Math.min(allowed, Math.floorDiv(limits.limit(QuotaResource.RAM) - used.ram(), flavor.ramMb()));
        }
        if (allowed >= min && allowed <= max) {
            return instancesAllowed(projectId, flavor, min, (int) allowed);
        }
        String instances = min == max ? String.valueOf(min) : min + "-" + max;
        throw exceeded(overs, Map.of(QuotaResource.INSTANCES, instances,
                QuotaResource.CORES, String.valueOf(deltas.get(QuotaResource.CORES)),
                QuotaResource.RAM, String.valueOf(deltas.get(QuotaResource.RAM))), limits, used);
    }

    /**
     * Refuses a resize (or a revert) to a flavor whose extra cores or ram the project's quota does not hold; only
     * the growth counts ({@code _check_quota_for_upsize}).
     */
    void checkUpsize(String projectId, Flavor from, Flavor to) {
        Map<QuotaResource, Long> deltas = new EnumMap<>(QuotaResource.class);
        deltas.put(QuotaResource.CORES, Math.max(0L, to.vcpus() - from.vcpus()));
        deltas.put(QuotaResource.RAM, Math.max(0L, to.ramMb() - from.ramMb()));
        if (deltas.get(QuotaResource.CORES) == 0 && deltas.get(QuotaResource.RAM) == 0) {
            return;
        }
        QuotaSet limits = limits(projectId);
        World.ServerUsage used = world.serverUsage(projectId);
        List<QuotaResource> overs = overs(limits, used, deltas);
        if (!overs.isEmpty()) {
            throw exceeded(overs, Map.of(QuotaResource.CORES, String.valueOf(deltas.get(QuotaResource.CORES)),
                    QuotaResource.RAM, String.valueOf(deltas.get(QuotaResource.RAM))), limits, used);
        }
    }

    /** Whether the project's metadata_items quota allows that many items (a server's, or an image's). */
    boolean metadataAllowed(String projectId, int items) {
        return limits(projectId).allows(QuotaResource.METADATA_ITEMS, items);
    }

    /** Refuses more metadata items for a server than the project's metadata_items quota. */
    void checkMetadata(String projectId, int items) {
        int allowed = limits(projectId).limit(QuotaResource.METADATA_ITEMS);
        if (!metadataAllowed(projectId, items)) {
            throw Refusal.METADATA_LIMIT_EXCEEDED.exception(allowed).explainedAs("metadata refused: " + items
                    + " items (rule: the project's metadata_items quota is " + allowed + ")");
        }
    }

    /** Refuses a key pair beyond the key_pairs quota: the user's own, counted against the project's limit. */
    void checkKeypair(Caller caller) {
        int held = world.keypairs.getOrDefault(caller.userId(), Map.of()).size();
        if (!limits(caller.projectId()).allows(QuotaResource.KEY_PAIRS, held + 1L)) {
            throw Refusal.KEYPAIR_QUOTA_EXCEEDED.exception();
        }
    }

    /** Refuses a server group beyond the project's server_groups quota. */
    void checkServerGroup(Caller caller) {
        long held = world.serverGroups.values().stream().filter(g -> g.projectId().equals(caller.projectId()))
                .count();
        if (!limits(caller.projectId()).allows(QuotaResource.SERVER_GROUPS, held + 1)) {
            throw Refusal.SERVER_GROUP_QUOTA_EXCEEDED.exception();
        }
    }

    /** Refuses {@code adding} more of the user's servers in a group than the server_group_members quota allows. */
    void checkGroupMembers(Caller caller, ServerGroup group, int adding) {
        long mine = group.members().stream().map(world.servers::get)
                .filter(s -> s != null && s.userId().equals(caller.userId())).count();
        if (!limits(caller.projectId()).allows(QuotaResource.SERVER_GROUP_MEMBERS, mine + adding)) {
            throw Refusal.SERVER_GROUP_MEMBERS_QUOTA_EXCEEDED.exception();
        }
    }

    /** Each project's limits an admin set, by project, for the state readout. */
    Map<String, Map<String, Integer>> overrides() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        world.quotaOverrides.forEach((project, set) -> {
            Map<String, Integer> byKey = new LinkedHashMap<>();
            set.forEach((resource, limit) -> byKey.put(resource.key(), limit));
            all.put(project, byKey);
        });
        return all;
    }

    private static Map<QuotaResource, Long> serverDeltas(Flavor flavor, int count) {
        Map<QuotaResource, Long> deltas = new EnumMap<>(QuotaResource.class);
        deltas.put(QuotaResource.INSTANCES, (long) count);
        deltas.put(QuotaResource.CORES, (long) count * flavor.vcpus());
        deltas.put(QuotaResource.RAM, (long) count * flavor.ramMb());
        return deltas;
    }

    /** The resources the deltas would take over their limits, in Nova's (alphabetical) order. */
    private static List<QuotaResource> overs(QuotaSet limits, World.ServerUsage used,
                                             Map<QuotaResource, Long> deltas) {
        List<QuotaResource> overs = new ArrayList<>();
        for (QuotaResource resource : List.of(QuotaResource.CORES, QuotaResource.INSTANCES, QuotaResource.RAM)) {
            Long delta = deltas.get(resource);
            if (delta != null && !limits.allows(resource, used(used, resource) + delta)) {
                overs.add(resource);
            }
        }
        return overs;
    }

    private static long used(World.ServerUsage used, QuotaResource resource) {
        return switch (resource) {
            case INSTANCES -> used.instances();
            case CORES -> used.cores();
            case RAM -> used.ram();
            default -> throw new IllegalArgumentException(resource.key() + " is not counted from servers");
        };
    }

    /** Nova's {@code TooManyInstances}: the resources over, what was requested of each, used, and allowed. */
    private static ComputeException exceeded(List<QuotaResource> overs, Map<QuotaResource, String> requested,
                                              QuotaSet limits, World.ServerUsage used) {
        List<String> names = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        List<String> useds = new ArrayList<>();
        List<String> alloweds = new ArrayList<>();
        for (QuotaResource resource : overs) {
            names.add(resource.key());
            asked.add(requested.get(resource));
            useds.add(String.valueOf(used(used, resource)));
            alloweds.add(String.valueOf(limits.limit(resource)));
        }
        String resources = String.join(", ", names);
        return Refusal.QUOTA_EXCEEDED.exception(resources, String.join(", ", asked), String.join(", ", useds),
                String.join(", ", alloweds), resources);
    }
}
