package io.novasim.http.network;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.state.command.DeleteNetwork;
import io.novasim.state.command.DeleteSubnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v2.0/networks} and {@code /v2.0/subnets}: the setup's and those users made, listed, shown, created and
 * deleted. A non-admin sees its project's networks and the shared ones, and the subnets of those; anything else is a
 * 404, as Neutron hides it.
 */
final class NetworksRoutes {
    private static final Set<String> NETWORK_FILTERS = Set.of("id", "name", "shared", "router:external", "status",
            "tenant_id", "project_id", "admin_state_up", "mtu", "description");
    private static final Set<String> SUBNET_FILTERS = Set.of("id", "name", "network_id", "cidr", "gateway_ip",
            "ip_version", "enable_dhcp", "tenant_id", "project_id", "description");

    private final Simulation simulation;

    NetworksRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(NetworkApi api) {
        api.route("GET", "/networks", "get_networks", this::listNetworks);
        api.route("GET", "/networks/{network_id}", "get_network", this::showNetwork);
        api.route("GET", "/subnets", "get_subnets", this::listSubnets);
        api.route("GET", "/subnets/{subnet_id}", "get_subnet", this::showSubnet);
        api.route("POST", "/networks", "create_network", this::createNetwork);
        api.route("DELETE", "/networks/{network_id}", "delete_network", this::deleteNetwork);
        api.route("POST", "/subnets", "create_subnet", this::createSubnet);
        api.route("DELETE", "/subnets/{subnet_id}", "delete_subnet", this::deleteSubnet);
    }

    private Reply createNetwork(Call call) {
        Network network = simulation.cloud().execute(call.caller(), NetworkRequest.network(call), call.requestId())
                .network();
        return Reply.json(201, Json.object("network", networkView(call, network)));
    }

    private Reply deleteNetwork(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteNetwork(call.path("network_id")), call.requestId());
        return Reply.empty(204);
    }

    private Reply createSubnet(Call call) {
        Subnet subnet = simulation.cloud().execute(call.caller(), NetworkRequest.subnet(call), call.requestId())
                .subnet();
        return Reply.json(201, Json.object("subnet", NetworkViews.subnet(subnet, simulation.settings().start())));
    }

    private Reply deleteSubnet(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteSubnet(call.path("subnet_id")), call.requestId());
        return Reply.empty(204);
    }

    private Reply listNetworks(Call call) {
        QueryFilter filter = new QueryFilter(call, NETWORK_FILTERS);
        List<Object> views = new ArrayList<>();
        for (Network network : simulation.cloud().networks(call.caller())) {
            Map<String, Object> view = networkView(call, network);
            if (filter.matches(view)) {
                views.add(filter.selected(view));
            }
        }
        return Reply.ok(Json.object("networks", views));
    }

    private Reply showNetwork(Call call) {
        String id = call.path("network_id");
        Network network = visibleNetwork(call, id)
                .orElseThrow(() -> new NeutronError(Refusal.NEUTRON_NETWORK_NOT_FOUND, id));
        return Reply.ok(Json.object("network", new QueryFilter(call, Set.of()).selected(networkView(call, network))));
    }

    private Reply listSubnets(Call call) {
        QueryFilter filter = new QueryFilter(call, SUBNET_FILTERS);
        Catalog catalog = simulation.cloud().catalog();
        List<Object> views = new ArrayList<>();
        for (Network network : simulation.cloud().networks(call.caller())) {
            for (Subnet subnet : catalog.subnetsOf(network.id())) {
                Map<String, Object> view = NetworkViews.subnet(subnet, simulation.settings().start());
                if (filter.matches(view)) {
                    views.add(filter.selected(view));
                }
            }
        }
        return Reply.ok(Json.object("subnets", views));
    }

    private Reply showSubnet(Call call) {
        String id = call.path("subnet_id");
        Subnet subnet = simulation.cloud().catalog().subnet(id)
                .filter(s -> visibleNetwork(call, s.networkId()).isPresent())
                .orElseThrow(() -> new NeutronError(Refusal.NEUTRON_SUBNET_NOT_FOUND, id));
        return Reply.ok(Json.object("subnet", new QueryFilter(call, Set.of())
                .selected(NetworkViews.subnet(subnet, simulation.settings().start()))));
    }

    private Optional<Network> visibleNetwork(Call call, String id) {
        return simulation.cloud().networks(call.caller()).stream().filter(n -> n.id().equals(id)).findFirst();
    }

    private Map<String, Object> networkView(Call call, Network network) {
        return NetworkViews.network(network, simulation.cloud().catalog(), simulation.settings().start(),
                call.caller().admin());
    }
}
