package io.novasim.http.network;

import io.novasim.http.support.Json;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.network.FixedIp;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Port;
import io.novasim.model.network.Subnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Networks, subnets and ports in Neutron's shapes (network-v2.yaml). The catalog's networks and subnets exist from the
 * simulation's start; fields the simulator does not model hold Neutron's defaults, and attributes that would only be
 * null (address scopes, IPv6 modes) are left out, as the schemas type them as strings. Admin-only attributes
 * ({@code provider:*}, most of {@code binding:*}) are shown to admins only, as Neutron's policy does.
 */
final class NetworkViews {
    /** The one compute host, as the compute API names it (OS-EXT-SRV-ATTR:host). */
    private static final String COMPUTE_HOST = io.novasim.http.Simulation.COMPUTE_HOST;

    private NetworkViews() {
    }

    static Map<String, Object> network(Network network, Catalog catalog, Instant created, boolean admin) {
        Map<String, Object> view = Json.object();
        view.put("id", network.id());
        view.put("name", network.name());
        view.put("tenant_id", network.projectId());
        view.put("project_id", network.projectId());
        view.put("admin_state_up", true);
        view.put("status", "ACTIVE");
        view.put("subnets", catalog.subnetsOf(network.id()).stream().map(Subnet::id).toList());
        view.put("shared", network.shared());
        view.put("router:external", network.external());
        view.put("mtu", network.mtu());
        view.put("availability_zone_hints", List.of());
        view.put("availability_zones", List.of("nova"));
        view.put("port_security_enabled", true);
        view.put("l2_adjacency", true);
        view.put("description", "");
        view.put("tags", List.of());
        view.put("created_at", Json.time(created));
        view.put("updated_at", Json.time(created));
        view.put("revision_number", 1);
        if (admin && network.external()) {
            view.put("provider:network_type", "flat");
            view.put("provider:physical_network", "public");
        } else if (admin) {
            view.put("provider:network_type", "vxlan");
            view.put("provider:segmentation_id", segmentOf(network));
        }
        return view;
    }

    /** A stable VXLAN id per network, derived from its id so that views never change between calls. */
    private static int segmentOf(Network network) {
        return 1 + Math.floorMod(network.id().hashCode(), 16_000_000);
    }

    static Map<String, Object> subnet(Subnet subnet, Instant created) {
        Map<String, Object> view = Json.object();
        view.put("id", subnet.id());
        view.put("name", subnet.name());
        view.put("network_id", subnet.networkId());
        view.put("tenant_id", subnet.projectId());
        view.put("project_id", subnet.projectId());
        view.put("ip_version", subnet.ipVersion());
        view.put("cidr", subnet.cidr().toString());
        view.put("gateway_ip", subnet.gatewayIp());
        view.put("allocation_pools", allocationPools(subnet));
        view.put("enable_dhcp", true);
        view.put("dns_nameservers", List.of());
        view.put("host_routes", List.of());
        view.put("subnetpool_id", null);
        view.put("segment_id", null);
        view.put("service_types", List.of());
        view.put("description", "");
        view.put("tags", List.of());
        view.put("created_at", Json.time(created));
        view.put("updated_at", Json.time(created));
        view.put("revision_number", 0);
        return view;
    }

    /**
     * The pool the engine allocates from: every host address but the gateway, so one range, or two when the gateway
     * sits inside the block.
     */
    static List<Object> allocationPools(Subnet subnet) {
        Ipv4Cidr cidr = subnet.cidr();
        int first = 1;
        int last = cidr.size() - 2;
        int gateway = subnet.gatewayIp() != null && cidr.contains(subnet.gatewayIp())
                ? cidr.offsetOf(subnet.gatewayIp()) : -1;
        List<Object> pools = new ArrayList<>();
        if (gateway > first) {
            pools.add(pool(cidr, first, Math.min(gateway - 1, last)));
        }
        int start = gateway >= first ? Math.max(first, gateway + 1) : first;
        if (start <= last) {
            pools.add(pool(cidr, start, last));
        }
        return pools;
    }

    private static Map<String, Object> pool(Ipv4Cidr cidr, int from, int to) {
        Map<String, Object> pool = Json.object();
        pool.put("start", cidr.address(from));
        pool.put("end", cidr.address(to));
        return pool;
    }

    static Map<String, Object> port(Port port, boolean admin) {
        Map<String, Object> view = Json.object();
        view.put("id", port.id());
        view.put("name", port.name());
        view.put("network_id", port.networkId());
        view.put("tenant_id", port.projectId());
        view.put("project_id", port.projectId());
        view.put("mac_address", port.macAddress());
        view.put("admin_state_up", true);
        view.put("status", port.status());
        List<Object> ips = new ArrayList<>();
        for (FixedIp ip : port.fixedIps()) {
            Map<String, Object> entry = Json.object();
            entry.put("subnet_id", ip.subnetId());
            entry.put("ip_address", ip.ipAddress());
            ips.add(entry);
        }
        view.put("fixed_ips", ips);
        view.put("device_id", port.deviceId());
        view.put("device_owner", port.deviceOwner());
        view.put("allowed_address_pairs", List.of());
        view.put("extra_dhcp_opts", List.of());
        view.put("security_groups", port.securityGroupIds());
        view.put("port_security_enabled", true);
        view.put("binding:vnic_type", "normal");
        if (admin) {
            view.put("binding:host_id", port.bound() ? COMPUTE_HOST : "");
            view.put("binding:profile", Map.of());
            view.put("binding:vif_type", port.bound() ? "ovs" : "unbound");
            view.put("binding:vif_details", Map.of());
        }
        view.put("ip_allocation", "immediate");
        view.put("description", port.description());
        view.put("tags", List.of());
        view.put("created_at", Json.time(port.created()));
        view.put("updated_at", Json.time(port.updated()));
        return view;
    }
}
