package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.state.command.CreatePort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /v2.0/ports}, checked as Neutron's API layer does. The engine models a port's network, name
 * and one fixed IP; attributes that only carry Neutron's defaults are accepted when they ask for the default, and
 * ignored when they change nothing the simulator shows (description, security groups...). A value the simulator
 * cannot honour is refused rather than silently dropped.
 */
final class PortRequest {
    private static final Set<String> APPLIED = Set.of("network_id", "name", "fixed_ips", "admin_state_up",
            "project_id", "tenant_id", "device_id", "device_owner");
    private static final Set<String> IGNORED = Set.of("description", "security_groups", "binding:vnic_type",
            "binding:profile", "binding:host_id", "port_security_enabled", "allowed_address_pairs",
            "extra_dhcp_opts", "dns_name", "dns_domain", "qos_policy_id", "propagate_uplink_status",
            "numa_affinity_policy");

    private final Simulation simulation;

    PortRequest(Simulation simulation) {
        this.simulation = simulation;
    }

    CreatePort parse(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            throw NeutronError.badRequest("Resource body required");
        }
        JsonNode port = body.get("port");
        if (port == null || !port.isObject()) {
            throw NeutronError.badRequest("Unable to find 'port' in request body");
        }
        checkKnown(port);
        JsonNode networkId = port.get("network_id");
        if (networkId == null || !networkId.isTextual()) {
            throw NeutronError.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
        }
        String name = text(port, "name", "");
        if (port.has("admin_state_up") && !port.get("admin_state_up").asBoolean(true)) {
            throw NeutronError.invalidInput("admin_state_up false is not supported by novasim.");
        }
        for (String owner : List.of("project_id", "tenant_id")) {
            String project = text(port, owner, call.caller().projectId());
            if (!project.equals(call.caller().projectId())) {
                throw NeutronError.badRequest("Specifying 'project_id' or 'tenant_id' other than the authenticated "
                        + "project in request requires admin privileges");
            }
        }
        for (String device : List.of("device_id", "device_owner")) {
            if (!text(port, device, "").isEmpty()) {
                throw NeutronError.invalidInput(device + " on create is not supported by novasim; attach the "
                        + "port through the compute API.");
            }
        }
        Network network = simulation.cloud().networks(call.caller()).stream()
                .filter(n -> n.id().equals(networkId.textValue())).findFirst()
                .orElseThrow(() -> NeutronError.notFound("Network", networkId.textValue()));
        return new CreatePort(network.id(), name, fixedIp(port.get("fixed_ips"), network));
    }

    private static void checkKnown(JsonNode port) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = port.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!APPLIED.contains(name) && !IGNORED.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw NeutronError.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
    }

    private static String text(JsonNode object, String key, String otherwise) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw NeutronError.badRequest("Invalid input for " + key + ". Reason: '" + value + "' is not a valid "
                    + "string.");
        }
        return value.textValue();
    }

    /** The one requested address, or null to let the engine pick the lowest free one. */
    private String fixedIp(JsonNode fixedIps, Network network) {
        if (fixedIps == null || fixedIps.isNull()) {
            return null;
        }
        if (!fixedIps.isArray()) {
            throw NeutronError.badRequest("Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '"
                    + fixedIps + "'.");
        }
        if (fixedIps.size() > 1) {
            throw NeutronError.invalidInput("novasim gives a port at most one fixed IP.");
        }
        if (fixedIps.isEmpty()) {
            return null;
        }
        JsonNode entry = fixedIps.get(0);
        String subnetId = entry.isObject() ? text(entry, "subnet_id", null) : null;
        String address = entry.isObject() ? text(entry, "ip_address", null) : null;
        List<Subnet> subnets = simulation.cloud().catalog().subnetsOf(network.id());
        Optional<Subnet> subnet = Optional.empty();
        if (subnetId != null) {
            subnet = subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
            if (subnet.isEmpty()) {
                throw NeutronError.invalidInput("Failed to create port on network " + network.id()
                        + ", because fixed_ips included invalid subnet " + subnetId + ".");
            }
        }
        if (address == null) {
            return null;
        }
        if (!Ipv4Cidr.isAddress(address)) {
            throw NeutronError.badRequest("Invalid input for fixed_ips. Reason: '" + address
                    + "' is not a valid IP address.");
        }
        boolean onNetwork = subnet.map(s -> s.cidr().contains(address))
                .orElse(subnets.stream().anyMatch(s -> s.cidr().contains(address)));
        if (!onNetwork) {
            throw NeutronError.badRequest("IP address " + address + " is not a valid IP for the specified subnet.");
        }
        return address;
    }
}
