package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.state.command.CreatePort;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /v2.0/ports}, checked as Neutron's API layer does. The engine models a port's network, name,
 * one fixed IP, description and security groups; the attributes it keeps nothing of (binding, DNS, QoS...) are
 * accepted when they ask for Neutron's default, which the port shows, and otherwise refused as not simulated (501)
 * rather than silently dropped.
 */
final class PortRequest {
    private static final Set<String> APPLIED = Set.of("network_id", "name", "fixed_ips", "admin_state_up",
            "project_id", "tenant_id", "device_id", "device_owner", "description", "security_groups");
    /** The attributes a create may name only with the value a port has anyway, as text (JSON null as "null"). */
    private static final java.util.Map<String, Set<String>> DEFAULT_ONLY = java.util.Map.ofEntries(
            java.util.Map.entry("binding:vnic_type", Set.of("normal")),
            java.util.Map.entry("binding:profile", Set.of("{}", "null")),
            java.util.Map.entry("binding:host_id", Set.of("", "null")),
            java.util.Map.entry("port_security_enabled", Set.of("true")),
            java.util.Map.entry("allowed_address_pairs", Set.of("[]", "null")),
            java.util.Map.entry("extra_dhcp_opts", Set.of("[]", "null")),
            java.util.Map.entry("dns_name", Set.of("", "null")),
            java.util.Map.entry("dns_domain", Set.of("", "null")),
            java.util.Map.entry("qos_policy_id", Set.of("null")),
            java.util.Map.entry("propagate_uplink_status", Set.of("false")),
            java.util.Map.entry("numa_affinity_policy", Set.of("null")));

    private final Simulation simulation;

    PortRequest(Simulation simulation) {
        this.simulation = simulation;
    }

    CreatePort parse(Call call) {
        Set<String> known = new java.util.HashSet<>(APPLIED);
        known.addAll(DEFAULT_ONLY.keySet());
        JsonNode port = NeutronBody.resource(call, "port", known);
        // in the body's order, so that the first attribute refused is the same on every run
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = port.fields(); fields.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> field = fields.next();
            Set<String> defaults = DEFAULT_ONLY.get(field.getKey());
            JsonNode value = field.getValue();
            if (defaults != null && !defaults.contains(value.isTextual() ? value.textValue() : value.toString())) {
                throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "creating a port with "
                        + field.getKey() + " " + value);
            }
        }
        JsonNode networkId = port.get("network_id");
        if (networkId == null || !networkId.isTextual()) {
            throw new NeutronError(Refusal.REQUIRED_ATTRIBUTE_MISSING, "network_id");
        }
        String name = NeutronBody.text(port, "name", "");
        if (port.has("admin_state_up") && !port.get("admin_state_up").asBoolean(true)) {
            throw new NeutronError(Refusal.ADMIN_STATE_DOWN_UNSUPPORTED);
        }
        for (String owner : List.of("project_id", "tenant_id")) {
            String project = NeutronBody.text(port, owner, call.caller().projectId());
            if (!project.equals(call.caller().projectId())) {
                throw new NeutronError(Refusal.OTHER_PROJECT_NEEDS_ADMIN);
            }
        }
        for (String device : List.of("device_id", "device_owner")) {
            if (!NeutronBody.text(port, device, "").isEmpty()) {
                throw new NeutronError(Refusal.DEVICE_ON_CREATE_UNSUPPORTED, device);
            }
        }
        Network network = simulation.cloud().networks(call.caller()).stream()
                .filter(n -> n.id().equals(networkId.textValue())).findFirst()
                .orElseThrow(() -> new NeutronError(Refusal.NEUTRON_NETWORK_NOT_FOUND, networkId.textValue()));
        return new CreatePort(network.id(), name, fixedIp(port.get("fixed_ips"), network),
                NeutronBody.text(port, "description", null), securityGroups(port));
    }

    /**
     * A request's {@code security_groups}: a list of group ids, or null when it does not name them; JSON null is an
     * empty list, as neutron-lib's convert_none_to_empty_list makes it.
     */
    static List<String> securityGroups(JsonNode port) {
        JsonNode groups = port.get("security_groups");
        if (groups == null) {
            return null;
        }
        if (groups.isNull()) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        if (groups.isArray()) {
            for (JsonNode id : groups) {
                if (!id.isTextual()) {
                    throw new NeutronError(Refusal.ATTRIBUTE_NOT_A_STRING, "security_groups", id);
                }
                ids.add(id.textValue());
            }
            return ids;
        }
        throw new NeutronError(Refusal.ATTRIBUTE_NOT_A_STRING, "security_groups", groups);
    }

    /** The one requested address, or null to let the engine pick the lowest free one. */
    private String fixedIp(JsonNode fixedIps, Network network) {
        if (fixedIps == null || fixedIps.isNull()) {
            return null;
        }
        if (!fixedIps.isArray()) {
            throw new NeutronError(Refusal.FIXED_IPS_MALFORMED, fixedIps);
        }
        if (fixedIps.size() > 1) {
            throw new NeutronError(Refusal.ONE_FIXED_IP_ONLY);
        }
        if (fixedIps.isEmpty()) {
            return null;
        }
        JsonNode entry = fixedIps.get(0);
        String subnetId = entry.isObject() ? NeutronBody.text(entry, "subnet_id", null) : null;
        String address = entry.isObject() ? NeutronBody.text(entry, "ip_address", null) : null;
        List<Subnet> subnets = simulation.cloud().catalog().subnetsOf(network.id());
        Optional<Subnet> subnet = Optional.empty();
        if (subnetId != null) {
            subnet = subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
            if (subnet.isEmpty()) {
                throw new NeutronError(Refusal.INVALID_SUBNET_FOR_PORT, network.id(), subnetId);
            }
        }
        if (address == null) {
            return null;
        }
        if (!Ipv4Cidr.isAddress(address)) {
            throw new NeutronError(Refusal.FIXED_IP_NOT_AN_ADDRESS, address);
        }
        boolean onNetwork = subnet.map(s -> s.cidr().contains(address))
                .orElse(subnets.stream().anyMatch(s -> s.cidr().contains(address)));
        if (!onNetwork) {
            throw new NeutronError(Refusal.IP_NOT_ON_SUBNET, address);
        }
        return address;
    }
}
