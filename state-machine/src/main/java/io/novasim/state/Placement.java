package io.novasim.state;

import io.novasim.model.catalog.ComputeHost;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerGroup;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nova's scheduler, as far as a user sees it: a host whose nova-compute is up, in the server's availability zone when
 * a host is in it, other than the hosts a move leaves, and as its server group's policy allows (affinity: the host of
 * the group's placed members; anti-affinity: a host with fewer than max_server_per_host of them); of those, the one
 * with the fewest servers (Nova's RAM weigher spreads alike servers so; a soft policy weighs the group's members
 * first), the first in the setup's order on a tie.
 */
final class Placement {
    private final World world;

    Placement(World world) {
        this.world = world;
    }

    /** A host for {@code server}, none of {@code excluded}; empty when no host qualifies (Nova's NoValidHost). */
    Optional<String> choose(Server server, Set<String> excluded) {
        var hosts = world.catalog.hosts();
        boolean zoneHasHosts = hosts.stream().anyMatch(h -> h.availabilityZone().equals(server.availabilityZone()));
        ServerGroup group = groupOf(server.id());
        Map<String, Integer> members = group == null ? Map.of() : membersByHost(group, server.id());
        Map<String, Integer> load = hosts.size() == 1 ? Map.of() : load();
        ComputeHost best = null;
        for (ComputeHost host : hosts) {
            boolean inZone = !zoneHasHosts || host.availabilityZone().equals(server.availabilityZone());
            if (!inZone || excluded.contains(host.name()) || world.hostsDown.contains(host.name())
                    || !allowed(group, members, host.name())) {
                continue;
            }
            if (best == null || weight(group, members, load, host.name()) < weight(group, members, load, best.name())) {
                best = host;
            }
        }
        return Optional.ofNullable(best).map(ComputeHost::name);
    }

    private ServerGroup groupOf(String serverId) {
        if (world.serverGroups.isEmpty()) {
            return null;
        }
        for (ServerGroup group : world.serverGroups.values()) {
            if (group.members().contains(serverId)) {
                return group;
            }
        }
        return null;
    }

    /** Where the group's other members are placed: host to count. */
    private Map<String, Integer> membersByHost(ServerGroup group, String serverId) {
        Map<String, Integer> byHost = new HashMap<>();
        for (String member : group.members()) {
            Server other = world.servers.get(member);
            if (!member.equals(serverId) && other != null && other.host() != null) {
                byHost.merge(other.host(), 1, Integer::sum);
            }
        }
        return byHost;
    }

    private static boolean allowed(ServerGroup group, Map<String, Integer> members, String host) {
        if (group == null) {
            return true;
        }
        return switch (group.policy()) {
            case "affinity" -> members.isEmpty() || members.containsKey(host);
            case "anti-affinity" -> members.getOrDefault(host, 0)
                    < (group.maxServerPerHost() == null ? 1 : group.maxServerPerHost());
            default -> true;
        };
    }

    /** Lower is better: a soft policy's members first, then the host's servers. */
    private static long weight(ServerGroup group, Map<String, Integer> members, Map<String, Integer> load,
                               String host) {
        long servers = load.getOrDefault(host, 0);
        if (group == null) {
            return servers;
        }
        long mine = members.getOrDefault(host, 0);
        return switch (group.policy()) {
            case "soft-affinity" -> -mine * 1_000_000L + servers;
            case "soft-anti-affinity" -> mine * 1_000_000L + servers;
            default -> servers;
        };
    }

    /** Whether a host exists, and its nova-compute is up. */
    boolean up(String host) {
        return world.catalog.host(host).isPresent() && !world.hostsDown.contains(host);
    }

    private Map<String, Integer> load() {
        Map<String, Integer> load = new HashMap<>();
        for (Server server : world.servers.values()) {
            if (server.host() != null) {
                load.merge(server.host(), 1, Integer::sum);
            }
        }
        return load;
    }
}
