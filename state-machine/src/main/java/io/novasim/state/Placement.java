package io.novasim.state;

import io.novasim.model.catalog.ComputeHost;
import io.novasim.model.server.Server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nova's scheduler, as far as a user sees it: a host whose nova-compute is up, in the server's availability zone when
 * a host is in it, other than the hosts a move leaves; of those, the one with the fewest servers (Nova's RAM weigher
 * spreads alike servers so), the first in the setup's order on a tie.
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
        Map<String, Integer> load = hosts.size() == 1 ? Map.of() : load();
        ComputeHost best = null;
        for (ComputeHost host : hosts) {
            boolean inZone = !zoneHasHosts || host.availabilityZone().equals(server.availabilityZone());
            if (!inZone || excluded.contains(host.name()) || world.hostsDown.contains(host.name())) {
                continue;
            }
            if (best == null || load.getOrDefault(host.name(), 0) < load.getOrDefault(best.name(), 0)) {
                best = host;
            }
        }
        return Optional.ofNullable(best).map(ComputeHost::name);
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
