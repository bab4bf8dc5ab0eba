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
     * What the project uses of each service's resources, as the quota APIs show it. Nova: instances, cores and ram of
     * its servers, and its server groups (key pairs and group members are counted per user and per group, so the
     * project view shows 0, as Nova's does). Neutron: its networks, subnets, ports (Nova's too), security groups and
     * their rules (the default group's too). Cinder: its volumes, in every status until they are gone, and their
     * sizes. Only the one service's resources are counted; the others show 0.
     */
    Map<QuotaResource, Long> usage(String projectId, QuotaResource.Service service) {
        Map<QuotaResource, Long> usage = new EnumMap<>(QuotaResource.class);
        for (QuotaResource resource : QuotaResource.all()) {
            usage.put(resource, 0L);
        }
        switch (service) {
            case COMPUTE -> {
                World.ServerUsage servers = world.serverUsage(projectId);
                usage.put(QuotaResource.INSTANCES, (long) servers.instances());
                usage.put(QuotaResource.CORES, servers.cores());
                usage.put(QuotaResource.RAM, servers.ram());
                usage.put(QuotaResource.SERVER_GROUPS, world.serverGroups.values().stream()
                        .filter(g -> g.projectId().equals(projectId)).count());
            }
            case NETWORK -> usage.putAll(networkUsage(projectId));
            case VOLUME -> usage.putAll(volumeUsage(projectId));
            default -> throw new IllegalArgumentException(service.name());
        }
        return usage;
    }

    private Map<QuotaResource, Long> networkUsage(String projectId) {
        Map<QuotaResource, Long> usage = new EnumMap<>(QuotaResource.class);
        long networks = 0;
        for (io.novasim.model.network.Network network : world.catalog.eachNetwork()) {
            if (network.projectId().equals(projectId)) {
                networks++;
            }
        }
        usage.put(QuotaResource.NETWORK, networks);
        usage.put(QuotaResource.SUBNET, world.catalog.subnets().stream()
                .filter(s -> s.projectId().equals(projectId)).count());
        usage.put(QuotaResource.PORT, world.ports.values().stream()
                .filter(p -> p.projectId().equals(projectId)).count());
        long groups = 0;
        long rules = 0;
        for (io.novasim.model.network.SecurityGroup group : world.securityGroups.values()) {
            if (group.projectId().equals(projectId)) {
                groups++;
                rules += group.rules().size();
            }
        }
        usage.put(QuotaResource.SECURITY_GROUP, groups);
        usage.put(QuotaResource.SECURITY_GROUP_RULE, rules);
        return usage;
    }

    private Map<QuotaResource, Long> volumeUsage(String projectId) {
        Map<QuotaResource, Long> usage = new EnumMap<>(QuotaResource.class);
        long volumes = 0;
        long gigabytes = 0;
        long defaultTypeVolumes = 0;
        long defaultTypeGigabytes = 0;
        for (io.novasim.model.volume.CinderVolume volume : world.volumes.values()) {
            if (volume.projectId().equals(projectId)) {
                volumes++;
                gigabytes += volume.sizeGb();
                if (volume.volumeType().equals(io.novasim.model.volume.CinderVolume.DEFAULT_TYPE)) {
                    defaultTypeVolumes++;
                    defaultTypeGigabytes += volume.sizeGb();
                }
            }
        }
        usage.put(QuotaResource.VOLUMES, volumes);
        usage.put(QuotaResource.GIGABYTES, gigabytes);
        usage.put(QuotaResource.DEFAULT_TYPE_VOLUMES, defaultTypeVolumes);
        usage.put(QuotaResource.DEFAULT_TYPE_GIGABYTES, defaultTypeGigabytes);
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

    /**
     * A project's Neutron or Cinder quota, for the project itself or an admin, else the service's 403: Neutron's
     * get_quota rule (its details: AdminRequired), Cinder's show policy. Neither service asks Keystone about the
     * project.
     */
    QuotaSet readableIn(Caller caller, String projectId, QuotaResource.Service service, boolean details) {
        if (!projectId.equals(caller.projectId()) && !caller.admin()) {
            throw switch (service) {
                case NETWORK -> details ? Refusal.NEUTRON_ADMIN_REQUIRED.exception()
                        : Refusal.NEUTRON_QUOTA_POLICY.exception("get_quota");
                case VOLUME -> Refusal.CINDER_QUOTA_SHOW_POLICY.exception();
                case COMPUTE -> throw new IllegalArgumentException("Nova's quotas are read with readable");
            };
        }
        return limits(projectId);
    }

    /** The projects with limits of their own in a service, in id order. */
    List<String> withOwnLimits(QuotaResource.Service service) {
        List<String> projects = new ArrayList<>();
        world.quotaOverrides.forEach((project, own) -> {
            if (own.keySet().stream().anyMatch(r -> r.service() == service)) {
                projects.add(project);
            }
        });
        return projects;
    }

    /** The limits of a project Keystone knows, or Nova's 400 ({@code identity.verify_project_id}). */
    QuotaSet existing(String projectId) {
        if (world.catalog.project(projectId).isEmpty()) {
            throw Refusal.PROJECT_NOT_VALID.exception(projectId);
        }
        return limits(projectId);
    }

    /**
     * Sets some of a project's limits in one service, as that service does: only admins; Nova checks the project with
     * Keystone and refuses nova-network's quota; every value is checked before any is stored.
     */
    Receipt update(Caller caller, UpdateQuotas command, String requestId) {
        QuotaResource.Service service = command.service();
        if (!caller.admin()) {
            throw switch (service) {
                case COMPUTE -> AdminPolicy.QUOTA_SETS_UPDATE.refusal();
                case NETWORK -> Refusal.NEUTRON_QUOTA_POLICY.exception("update_quota");
                case VOLUME -> Refusal.CINDER_QUOTA_UPDATE_POLICY.exception("update");
            };
        }
        if (service == QuotaResource.Service.COMPUTE) {
            existing(command.projectId());
            if (command.limits().containsKey(UpdateQuotas.NETWORKS)) {
                throw Refusal.NETWORKS_QUOTA_REMOVED.exception();
            }
        }
        Map<QuotaResource, Long> usage = command.checkUsage() ? usage(command.projectId(), service) : Map.of();
        Map<QuotaResource, Integer> own = world.quotaOverrides.getOrDefault(command.projectId(), Map.of());
        Map<QuotaResource, Integer> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : command.limits().entrySet()) {
            QuotaResource resource = QuotaResource.byKey(service, entry.getKey()).orElseThrow();
            int limit = entry.getValue();
            if (command.checkUsage()) {
                checkAgainstUsage(resource, limit, usage.get(resource), own.containsKey(resource));
            }
            changes.put(resource, limit);
        }
        world.quotaOverrides.computeIfAbsent(command.projectId(), p -> new EnumMap<>(QuotaResource.class))
                .putAll(changes);
        return Receipt.of(requestId, limits(command.projectId()));
    }

    /** Each service's refusal of a limit below the usage, as each compares them. */
    private static void checkAgainstUsage(QuotaResource resource, int limit, long used, boolean hadOwnLimit) {
        switch (resource.service()) {
            case COMPUTE -> {
                if (limit != QuotaResource.UNLIMITED && limit < used) {
                    throw Refusal.QUOTA_LIMIT_BELOW_USAGE.exception(limit, resource.key(), used);
                }
            }
            // Neutron compares the numbers as they are: even -1 is "below" a usage of 0 (quotasv2.py update)
            case NETWORK -> {
                if (used > limit) {
                    throw Refusal.NEUTRON_QUOTA_BELOW_USAGE.exception(limit, resource.key(), used);
                }
            }
            // Cinder loads the usages without defaults, so only a resource with a limit of the project's own is
            // checked (cinder/api/contrib/quotas.py update)
            case VOLUME -> {
                if (hadOwnLimit && resource != QuotaResource.PER_VOLUME_GIGABYTES
                        && limit != QuotaResource.UNLIMITED && limit < used) {
                    throw Refusal.CINDER_QUOTA_BELOW_USAGE.exception(resource.key(), used, limit);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Forgets what an admin set for a project in one service: those limits are the defaults again. */
    Receipt delete(Caller caller, io.novasim.state.command.DeleteQuotas command, String requestId) {
        QuotaResource.Service service = command.service();
        if (!caller.admin()) {
            throw switch (service) {
                case COMPUTE -> AdminPolicy.QUOTA_SETS_DELETE.refusal();
                case NETWORK -> Refusal.NEUTRON_QUOTA_POLICY.exception("delete_quota");
                case VOLUME -> Refusal.CINDER_QUOTA_UPDATE_POLICY.exception("delete");
            };
        }
        Map<QuotaResource, Integer> own = world.quotaOverrides.get(command.projectId());
        boolean hadAny = own != null && own.keySet().stream().anyMatch(r -> r.service() == service);
        if (service == QuotaResource.Service.NETWORK && !hadAny) {
            throw Refusal.NEUTRON_QUOTA_NOT_FOUND.exception(command.projectId());
        }
        if (own != null) {
            own.keySet().removeIf(r -> r.service() == service);
            if (own.isEmpty()) {
                world.quotaOverrides.remove(command.projectId());
            }
        }
        return Receipt.of(requestId, limits(command.projectId()));
    }

    /**
     * Refuses a Neutron create beyond the project's quota: over when the limit is below what is used and asked for
     * (the no-lock driver), the resources over named as a sorted Python list.
     */
    void checkNetwork(String projectId, Map<QuotaResource, Integer> deltas) {
        QuotaSet limits = limits(projectId);
        java.util.TreeSet<String> overs = new java.util.TreeSet<>();
        deltas.forEach((resource, delta) -> {
            // an unlimited resource is not counted: a cloud without quotas pays nothing per create
            if (limits.limit(resource) != QuotaResource.UNLIMITED
                    && !limits.allows(resource, networkUsage(projectId).get(resource) + delta)) {
                overs.add("'" + resource.key() + "'");
            }
        });
        if (!overs.isEmpty()) {
            throw Refusal.NEUTRON_OVER_QUOTA.exception("[" + String.join(", ", overs) + "]");
        }
    }

    /**
     * How many servers' new ports the project's port quota holds, as Nova asks Neutron before it boots
     * ({@code validate_networks}): all {@code count} when it is unlimited or they fit, else as many as fit.
     *
     * @throws io.novasim.model.error.ComputeException Nova's 403 when the project has more ports than its quota
     */
    int portsAllowFor(String projectId, int portsPerServer, int count) {
        int quota = limits(projectId).limit(QuotaResource.PORT);
        if (portsPerServer == 0 || quota == QuotaResource.UNLIMITED) {
            return count;
        }
        long ports = networkUsage(projectId).get(QuotaResource.PORT);
        long free = quota - ports;
        if (free < 0) {
            throw Refusal.PORTS_OVER_LIMIT.exception(ports, quota);
        }
        return free >= (long) portsPerServer * count ? count : (int) (free / portsPerServer);
    }

    /**
     * Refuses a port Nova makes to attach an interface beyond the project's port quota: Neutron's OverQuota, as Nova
     * words it ({@code _create_port_minimal}).
     */
    void checkPort(String projectId) {
        int quota = limits(projectId).limit(QuotaResource.PORT);
        if (quota != QuotaResource.UNLIMITED && networkUsage(projectId).get(QuotaResource.PORT) + 1 > quota) {
            throw Refusal.PORT_LIMIT_EXCEEDED.exception();
        }
    }

    /**
     * Refuses a volume beyond the project's Cinder quotas, in Cinder's order: the size against
     * per_volume_gigabytes, then volumes and gigabytes (and the default type's), the first over in sorted order
     * named ({@code process_reserve_over_quota}).
     */
    void checkVolume(String projectId, int sizeGb, String volumeType) {
        QuotaSet limits = limits(projectId);
        int perVolume = limits.limit(QuotaResource.PER_VOLUME_GIGABYTES);
        if (perVolume != QuotaResource.UNLIMITED && sizeGb > perVolume) {
            throw Refusal.VOLUME_SIZE_EXCEEDS_LIMIT.exception(sizeGb, perVolume);
        }
        if (java.util.stream.Stream.of(QuotaResource.VOLUMES, QuotaResource.GIGABYTES,
                QuotaResource.DEFAULT_TYPE_VOLUMES, QuotaResource.DEFAULT_TYPE_GIGABYTES)
                .allMatch(r -> limits.limit(r) == QuotaResource.UNLIMITED)) {
            return; // nothing to count against
        }
        Map<QuotaResource, Long> usage = volumeUsage(projectId);
        java.util.TreeMap<String, QuotaResource> overs = new java.util.TreeMap<>();
        Map<QuotaResource, Integer> deltas = new EnumMap<>(QuotaResource.class);
        deltas.put(QuotaResource.VOLUMES, 1);
        deltas.put(QuotaResource.GIGABYTES, sizeGb);
        if (volumeType.equals(io.novasim.model.volume.CinderVolume.DEFAULT_TYPE)) {
            deltas.put(QuotaResource.DEFAULT_TYPE_VOLUMES, 1);
            deltas.put(QuotaResource.DEFAULT_TYPE_GIGABYTES, sizeGb);
        }
        deltas.forEach((resource, delta) -> {
            if (!limits.allows(resource, usage.get(resource) + delta)) {
                overs.put(resource.key(), resource);
            }
        });
        if (overs.isEmpty()) {
            return;
        }
        QuotaResource over = overs.firstEntry().getValue();
        if (over.key().contains("gigabytes")) {
            throw Refusal.VOLUME_SIZE_EXCEEDS_QUOTA.exception(over.key(), sizeGb, limits.limit(over),
                    usage.get(over));
        }
        throw Refusal.VOLUME_LIMIT_EXCEEDED.exception(limits.limit(over), over.key());
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
            return (int) allowed; // Nova checks again with max_count = allowed, which the headroom already holds
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
