package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Call;
import io.novasim.model.error.Refusal;
import io.novasim.state.command.CreateNetwork;
import io.novasim.state.command.CreateSubnet;

import java.util.List;
import java.util.Set;

/**
 * The bodies of {@code POST /v2.0/networks} and {@code POST /v2.0/subnets}, checked as Neutron's API layer does. What
 * the simulator models is applied; attributes that only describe (a description, DNS domain, QoS policy) are accepted
 * and not kept, as for ports; a value the simulator cannot honour (IPv6, DNS servers, custom pools) is answered 501,
 * never dropped.
 */
final class NetworkRequest {
    /** The MTU of a tenant network on Neutron's default overlay. */
    static final int DEFAULT_MTU = 1450;
    private static final Set<String> NETWORK_KEYS = Set.of("name", "admin_state_up", "shared", "router:external",
            "mtu", "project_id", "tenant_id", "description", "availability_zone_hints", "dns_domain",
            "qos_policy_id", "is_default", "port_security_enabled", "provider:network_type",
            "provider:physical_network", "provider:segmentation_id");
    private static final Set<String> SUBNET_KEYS = Set.of("network_id", "name", "cidr", "ip_version", "gateway_ip",
            "enable_dhcp", "project_id", "tenant_id", "description", "allocation_pools", "dns_nameservers",
            "host_routes", "subnetpool_id", "prefixlen", "ipv6_ra_mode", "ipv6_address_mode", "segment_id",
            "service_types", "use_default_subnetpool", "dns_publish_fixed_ip");

    private NetworkRequest() {
    }

    static CreateNetwork network(Call call) {
        JsonNode network = NeutronBody.resource(call, "network", NETWORK_KEYS);
        if (!bool(network, "admin_state_up", true)) {
            throw new NeutronError(Refusal.ADMIN_STATE_DOWN_UNSUPPORTED);
        }
        if (!bool(network, "port_security_enabled", true)) {
            throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "networks without port security");
        }
        int mtu = DEFAULT_MTU;
        JsonNode given = network.get("mtu");
        if (given != null && !given.isNull()) {
            if (!given.isIntegralNumber() || !given.canConvertToInt()) {
                throw new NeutronError(Refusal.NEUTRON_MTU_NOT_AN_INTEGER, given.asText());
            }
            if (given.asInt() < 68) {
                throw new NeutronError(Refusal.NEUTRON_MTU_INVALID, given.asText());
            }
            mtu = given.asInt();
        }
        return new CreateNetwork(NeutronBody.text(network, "name", ""), project(network), bool(network, "shared", false),
                bool(network, "router:external", false), mtu);
    }

    static CreateSubnet subnet(Call call) {
        JsonNode subnet = NeutronBody.resource(call, "subnet", SUBNET_KEYS);
        String networkId = required(subnet, "network_id");
        JsonNode version = subnet.get("ip_version");
        if (version == null) {
            throw new NeutronError(Refusal.REQUIRED_ATTRIBUTE_MISSING, "ip_version");
        }
        if (!version.asText().equals("4") && !version.asText().equals("6")) {
            throw new NeutronError(Refusal.NEUTRON_IP_VERSION_INVALID, version.asText());
        }
        if (version.asText().equals("6")) {
            throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "IPv6 subnets");
        }
        for (String unmodelled : List.of("allocation_pools", "dns_nameservers", "host_routes", "subnetpool_id",
                "prefixlen", "ipv6_ra_mode", "ipv6_address_mode", "segment_id", "service_types")) {
            JsonNode value = subnet.get(unmodelled);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, unmodelled + " of a subnet");
            }
        }
        if (bool(subnet, "use_default_subnetpool", false)) {
            throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "subnet pools");
        }
        if (!bool(subnet, "enable_dhcp", true)) {
            throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "subnets without DHCP");
        }
        String cidr = required(subnet, "cidr");
        boolean gatewayGiven = subnet.has("gateway_ip");
        String gateway = NeutronBody.text(subnet, "gateway_ip", null);
        if (gateway != null && !io.novasim.model.network.Ipv4Cidr.isAddress(gateway)) {
            throw new NeutronError(Refusal.NEUTRON_GATEWAY_INVALID, gateway);
        }
        return new CreateSubnet(networkId, NeutronBody.text(subnet, "name", ""), cidr, gateway, gatewayGiven, project(subnet));
    }

    private static String required(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw new NeutronError(Refusal.REQUIRED_ATTRIBUTE_MISSING, key);
        }
        if (!value.isTextual()) {
            throw new NeutronError(Refusal.ATTRIBUTE_NOT_A_STRING, key, value);
        }
        return value.textValue();
    }

    /** A boolean as Neutron's converter reads one: true or false, or their spellings as text. */
    /** A boolean attribute as neutron-lib converts one, or {@code otherwise} when absent or null. */
    static boolean bool(JsonNode object, String key, boolean otherwise) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw new NeutronError(Refusal.NEUTRON_NOT_A_BOOLEAN, key, value.asText());
        };
    }

    /** The owner asked for ({@code project_id}, else {@code tenant_id}), or null for the caller's project. */
    private static String project(JsonNode object) {
        String project = NeutronBody.text(object, "project_id", null);
        return project != null ? project : NeutronBody.text(object, "tenant_id", null);
    }
}
