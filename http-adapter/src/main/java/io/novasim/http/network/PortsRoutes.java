package io.novasim.http.network;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.ItemNotFound;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.Port;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.UpdatePort;
import io.novasim.state.command.DeletePort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v2.0/ports}: list, show, create (201) and delete (204). A port is bound while Nova has it attached:
 * {@code device_id} is then the server's id, and {@code ""} once the detach completes.
 */
final class PortsRoutes {
    private static final Set<String> FILTERS = Set.of("id", "name", "network_id", "device_id", "device_owner",
            "mac_address", "status", "tenant_id", "project_id", "admin_state_up", "description", "fixed_ips");

    private final Simulation simulation;
    private final PortRequest requests;

    PortsRoutes(Simulation simulation) {
        this.simulation = simulation;
        this.requests = new PortRequest(simulation);
    }

    void register(NetworkApi api) {
        api.route("GET", "/ports", "get_ports", this::list);
        api.route("POST", "/ports", "create_port", this::create);
        api.route("GET", "/ports/{port_id}", "get_port", this::show);
        api.route("DELETE", "/ports/{port_id}", "delete_port", this::delete);
        api.route("PUT", "/ports/{port_id}", "update_port", this::update);
    }

    private Reply list(Call call) {
        QueryFilter filter = new QueryFilter(call, FILTERS);
        List<Object> views = new ArrayList<>();
        for (Port port : simulation.cloud().ports(call.caller())) {
            Map<String, Object> view = NetworkViews.port(port, call.caller().admin());
            if (filter.matches(view)) {
                views.add(filter.selected(view));
            }
        }
        return Reply.ok(Json.object("ports", views));
    }

    private Reply show(Call call) {
        String id = call.path("port_id");
        Port port;
        try {
            port = simulation.cloud().port(call.caller(), id);
        } catch (ItemNotFound missing) {
            throw new NeutronError(Refusal.NEUTRON_PORT_NOT_FOUND, id);
        }
        return Reply.ok(Json.object("port", new QueryFilter(call, Set.of())
                .selected(NetworkViews.port(port, call.caller().admin()))));
    }

    private Reply create(Call call) {
        CreatePort command = requests.parse(call);
        Port port;
        try {
            port = simulation.cloud().execute(call.caller(), command, call.requestId()).port();
        } catch (ComputeException refused) {
            throw switch (refused.refusal()) {
                case NETWORK_NOT_FOUND -> new NeutronError(Refusal.NEUTRON_NETWORK_NOT_FOUND, command.networkId());
                case IP_ADDRESS_ALREADY_ALLOCATED -> NeutronError.from(refused);
                case NO_MORE_FIXED_IPS -> new NeutronError(Refusal.NEUTRON_NO_MORE_FIXED_IPS, command.networkId());
                case FIXED_IP_NOT_ON_NETWORK -> new NeutronError(Refusal.NEUTRON_FIXED_IP_NOT_ON_NETWORK,
                        command.fixedIp(), command.networkId());
                default -> refused;
            };
        }
        return Reply.json(201, Json.object("port", NetworkViews.port(port, call.caller().admin())));
    }

    /**
     * An update: its name, description and security groups are applied together; admin_state_up may only stay up;
     * any other attribute Neutron lets an update change is not simulated (501).
     */
    private Reply update(Call call) {
        String id = call.path("port_id");
        Set<String> known = new java.util.HashSet<>(UPDATABLE);
        known.addAll(UPDATE_NOT_SIMULATED);
        com.fasterxml.jackson.databind.JsonNode port = NeutronBody.resource(call, "port", known);
        for (String name : UPDATE_NOT_SIMULATED) {
            if (port.has(name)) {
                throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "updating " + name + " of a port");
            }
        }
        if (port.has("admin_state_up") && !port.get("admin_state_up").asBoolean(true)) {
            throw new NeutronError(Refusal.ADMIN_STATE_DOWN_UNSUPPORTED);
        }
        UpdatePort command = new UpdatePort(id, NeutronBody.text(port, "name", null),
                NeutronBody.text(port, "description", null), PortRequest.securityGroups(port));
        Port updated;
        try {
            updated = command.name() == null && command.description() == null && command.securityGroupIds() == null
                    ? simulation.cloud().port(call.caller(), id)
                    : simulation.cloud().execute(call.caller(), command, call.requestId()).port();
        } catch (ItemNotFound missing) {
            if (missing.refusal() != Refusal.PORT_NOT_FOUND) {
                throw missing; // a security group the update names
            }
            throw new NeutronError(Refusal.NEUTRON_PORT_NOT_FOUND, id);
        }
        return Reply.ok(Json.object("port", NetworkViews.port(updated, call.caller().admin())));
    }

    private static final Set<String> UPDATABLE = Set.of("name", "description", "admin_state_up",
            "security_groups");
    private static final Set<String> UPDATE_NOT_SIMULATED = Set.of("fixed_ips", "device_id", "device_owner",
            "binding:host_id", "binding:profile", "binding:vnic_type", "allowed_address_pairs",
            "port_security_enabled", "extra_dhcp_opts", "dns_name", "dns_domain", "qos_policy_id",
            "propagate_uplink_status", "numa_affinity_policy", "mac_address");

    private Reply delete(Call call) {
        String id = call.path("port_id");
        try {
            simulation.cloud().execute(call.caller(), new DeletePort(id), call.requestId());
        } catch (ItemNotFound missing) {
            throw new NeutronError(Refusal.NEUTRON_PORT_NOT_FOUND, id);
        }
        return Reply.empty(204);
    }
}
