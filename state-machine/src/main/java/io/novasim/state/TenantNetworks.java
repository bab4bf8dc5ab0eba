package io.novasim.state;

import io.novasim.model.quota.QuotaResource;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Port;
import io.novasim.model.network.Subnet;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateNetwork;
import io.novasim.state.command.CreateSubnet;
import io.novasim.state.command.Receipt;

import java.util.List;

/**
 * Networks and subnets made and deleted through Neutron's API, as its ML2 plugin checks them: the owner's or an
 * admin's, shared and external ones by admins only, subnets of a network not overlapping, nothing deleted while a
 * port uses it. Each change makes a new catalog, so boots and port creates see it at once.
 */
final class TenantNetworks {
    private final World world;

    private final Quotas quotas;

    TenantNetworks(World world, Quotas quotas) {
        this.quotas = quotas;
        this.world = world;
    }

    Receipt createNetwork(Caller caller, CreateNetwork command, String requestId) {
        if (command.shared() && !caller.admin()) {
            throw Refusal.NEUTRON_POLICY.exception("rule:create_network and rule:create_network:shared");
        }
        if (command.external() && !caller.admin()) {
            throw Refusal.NEUTRON_POLICY.exception("rule:create_network and rule:create_network:router:external");
        }
        String owner = owner(caller, command.projectId());
        quotas.checkNetwork(owner, java.util.Map.of(QuotaResource.NETWORK, 1));
        Network network = new Network(world.ids.uuid(), command.name(), owner, command.shared(), command.external(),
                command.mtu());
        world.catalog = world.catalog.withNetwork(network);
        return Receipt.of(requestId, network);
    }

    Receipt deleteNetwork(Caller caller, String networkId, String requestId) {
        Network network = visible(caller, networkId);
        if (!caller.admin() && !network.projectId().equals(caller.projectId())) {
            throw Refusal.NEUTRON_POLICY.exception("rule:delete_network");
        }
        for (Port port : world.ports.values()) {
            if (port.networkId().equals(networkId)) {
                throw Refusal.NEUTRON_NETWORK_IN_USE.exception(networkId);
            }
        }
        world.catalog = world.catalog.withoutNetwork(networkId);
        return Receipt.of(requestId, network);
    }

    Receipt createSubnet(Caller caller, CreateSubnet command, String requestId) {
        Network network = visible(caller, command.networkId());
        if (!caller.admin() && !network.projectId().equals(caller.projectId())) {
            // Neutron lets only the network's owner add subnets (rule:create_subnet is admin_or_network_owner)
            throw Refusal.NEUTRON_POLICY.exception("rule:create_subnet");
        }
        Ipv4Cidr cidr;
        try {
            cidr = Ipv4Cidr.parse(command.cidr());
        } catch (IllegalArgumentException notABlock) {
            throw Refusal.NEUTRON_INVALID_CIDR.exception(command.cidr());
        }
        for (Subnet other : world.catalog.subnetsOf(network.id())) {
            if (overlap(other.cidr(), cidr)) {
                throw Refusal.NEUTRON_SUBNET_OVERLAP.exception(cidr, network.id());
            }
        }
        quotas.checkNetwork(owner(caller, command.projectId()), java.util.Map.of(QuotaResource.SUBNET, 1));
        String gateway = command.gatewayGiven() ? command.gatewayIp() : cidr.address(1);
        Subnet subnet = new Subnet(world.ids.uuid(), command.name(), network.id(),
                owner(caller, command.projectId()), cidr, gateway);
        world.catalog = world.catalog.withSubnet(subnet);
        return Receipt.of(requestId, subnet);
    }

    Receipt deleteSubnet(Caller caller, String subnetId, String requestId) {
        Subnet subnet = world.catalog.subnet(subnetId)
                .filter(s -> caller.admin() || world.catalog.network(s.networkId())
                        .map(n -> n.usableBy(caller.projectId())).orElse(false))
                .orElseThrow(() -> Refusal.NEUTRON_SUBNET_NOT_FOUND.exception(subnetId));
        if (!caller.admin() && !subnet.projectId().equals(caller.projectId())) {
            throw Refusal.NEUTRON_POLICY.exception("rule:delete_subnet");
        }
        if (world.ipUsage.inUse(subnetId)) {
            throw Refusal.NEUTRON_SUBNET_IN_USE.exception(subnetId);
        }
        world.catalog = world.catalog.withoutSubnet(subnetId);
        return Receipt.of(requestId, subnet);
    }

    private Network visible(Caller caller, String networkId) {
        return world.catalog.network(networkId).filter(n -> caller.admin() || n.usableBy(caller.projectId()))
                .orElseThrow(() -> Refusal.NEUTRON_NETWORK_NOT_FOUND.exception(networkId));
    }

    private static String owner(Caller caller, String asked) {
        if (asked != null && !asked.equals(caller.projectId()) && !caller.admin()) {
            throw Refusal.OTHER_PROJECT_NEEDS_ADMIN.exception();
        }
        return asked != null ? asked : caller.projectId();
    }

    private static boolean overlap(Ipv4Cidr a, Ipv4Cidr b) {
        return a.contains(b.address(0)) || b.contains(a.address(0));
    }

    List<Network> networks() {
        return world.catalog.networks();
    }
}
